"use client";

import { useActionState, useEffect } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { primaryButton } from "@/components/forms/buttons";
import { FormStatus } from "@/components/forms/form-status";

type AcceptAction = (prev: ActionState<{ organizationId: string }>, input: FormData) => Promise<ActionResult<{ organizationId: string }>>;

export function AcceptInvitationForm({ token, organizationName, action }: { token: string; organizationName: string; action: AcceptAction }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, undefined);
  useEffect(() => {
    if (state?.success !== undefined) router.push("/assets");
  }, [state, router]);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={primaryButton} disabled={pending || state?.success !== undefined}>
        {pending ? "Joining…" : `Join ${organizationName}`}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
