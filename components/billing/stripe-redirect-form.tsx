"use client";

import { useActionState, useEffect } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";

type UrlAction = (prev: ActionState<{ url: string }>, input: FormData) => Promise<ActionResult<{ url: string }>>;

/** A button that asks the server for a Stripe page (Checkout or the Customer Portal) and goes there. */
export function StripeRedirectForm({
  action,
  organizationId,
  plan,
  label,
  pendingLabel,
}: {
  action: UrlAction;
  organizationId: string;
  plan?: string;
  label: string;
  pendingLabel: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<{ url: string }>, FormData>(action, undefined);
  const url = state?.success !== undefined ? state.data?.url : undefined;
  useEffect(() => {
    if (url) window.location.assign(url);
  }, [url]);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      {plan && <input type="hidden" name="plan" value={plan} />}
      <SubmitButton pending={pending || Boolean(url)} pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
