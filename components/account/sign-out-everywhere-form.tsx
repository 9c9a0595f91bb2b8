"use client";

import { useActionState } from "react";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { InlineError } from "@/components/forms/form-status";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type Action = (prev: ActionState, form: FormData) => Promise<ActionResult>;

/** Ends every session of the account after a second, confirming click. */
export function SignOutEverywhereForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, undefined);
  return (
    <form action={formAction}>
      <ConfirmButton
        label="Sign out everywhere"
        question="Sign out on every device and browser, this one included?"
        confirmLabel="Sign out everywhere"
        pending={pending}
      />
      <InlineError state={state} />
    </form>
  );
}
