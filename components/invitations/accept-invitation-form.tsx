"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";

type AcceptAction = (
  prev: ActionState<{ organizationId: string }>,
  input: FormData,
) => Promise<ActionResult<{ organizationId: string }>>;

export function AcceptInvitationForm({
  token,
  organizationName,
  action,
}: {
  token: string;
  organizationName: string;
  action: AcceptAction;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, undefined);
  useEffect(() => {
    if (state?.success !== undefined) router.push("/dashboard");
  }, [state, router]);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Joining…" disabled={state?.success !== undefined}>
        Join {organizationName}
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
