"use client";

import { useState } from "react";
import { dangerButton, linkButton, secondaryButton } from "./buttons";

/**
 * A two-step destructive button: the first click asks, the second (a real submit of the enclosing
 * form) does it. No window.confirm, so it works with keyboards and screen readers alike.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  pending,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  pending: boolean;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={linkButton} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2" role="group" aria-label={question}>
      <span className="text-sm text-slate-700">{question}</span>
      <button type="submit" className={dangerButton} disabled={pending} autoFocus>
        {pending ? "Working…" : confirmLabel}
      </button>
      <button type="button" className={secondaryButton} onClick={() => setAsking(false)} disabled={pending}>
        Cancel
      </button>
    </span>
  );
}
