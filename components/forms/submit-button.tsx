"use client";

import { primaryButton } from "./buttons";

/** The form's main button: disabled with its pending label while the action runs. */
export function SubmitButton({
  pending,
  pendingLabel,
  children,
  wide = false,
  disabled = false,
  className = "",
}: {
  pending: boolean;
  pendingLabel: string;
  children: React.ReactNode;
  /** Full width, for the single-column forms of the sign-in pages. */
  wide?: boolean;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <button
      type="submit"
      disabled={pending || disabled}
      aria-disabled={pending || disabled}
      className={[primaryButton, wide ? "w-full" : "", className].join(" ")}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
