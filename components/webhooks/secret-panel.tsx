"use client";

import { useActionState, useState } from "react";
import { secondaryButton } from "@/components/forms/buttons";
import { InlineError } from "@/components/forms/form-status";
import type { ActionState } from "@/lib/actions/result";
import type { WebhookAction } from "./types";

/** The signing secret stays out of the page until asked for; then it is shown with a copy button. */
export function SecretPanel({
  organizationId,
  endpointId,
  revealAction,
}: {
  organizationId: string;
  endpointId: string;
  revealAction: WebhookAction<{ secret: string }>;
}) {
  const [state, formAction, pending] = useActionState<ActionState<{ secret: string }>, FormData>(
    revealAction,
    undefined,
  );
  const [hidden, setHidden] = useState(false);
  const [copied, setCopied] = useState(false);
  const secret = !hidden && state?.success !== undefined ? state.data?.secret : undefined;

  if (secret) {
    return (
      <div className="space-y-2">
        <code
          className="block overflow-x-auto rounded-md bg-slate-100 px-3 py-2 font-mono text-sm break-all"
          data-testid="webhook-secret"
        >
          {secret}
        </code>
        <div className="flex gap-2">
          <button
            type="button"
            className={secondaryButton}
            onClick={() => void navigator.clipboard.writeText(secret).then(() => setCopied(true))}
          >
            {copied ? "Copied" : "Copy"}
          </button>
          <button type="button" className={secondaryButton} onClick={() => setHidden(true)}>
            Hide
          </button>
        </div>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={() => setHidden(false)}>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="endpointId" value={endpointId} />
      <button type="submit" className={secondaryButton} disabled={pending}>
        {pending ? "Revealing…" : "Reveal signing secret"}
      </button>
      <InlineError state={state} />
    </form>
  );
}
