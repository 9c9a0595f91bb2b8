"use client";

import type { ActionResult, ActionState } from "@/lib/actions/result";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";

type Action = (prev: ActionState, input: FormData) => Promise<ActionResult>;

/** Mails the report of the period ending now to every recipient at once. */
export function SendReportNowForm({ action, organizationId }: { action: Action; organizationId: string }) {
  const [state, formAction, pending] = useRefreshingAction(action);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="organizationId" value={organizationId} />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send report now
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
