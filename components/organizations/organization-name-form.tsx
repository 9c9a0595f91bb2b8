"use client";

import { useState } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";

/** Used both to rename the organisation and to create a new one. */
export function OrganizationNameForm<T>({
  action,
  initialName,
  organizationId,
  submitLabel,
  onDone,
}: {
  action: (prev: ActionState<T>, input: FormData) => Promise<ActionResult<T>>;
  initialName: string;
  organizationId?: string;
  submitLabel: string;
  onDone?: "redirect-to-assets";
}) {
  const [name, setName] = useState(initialName);
  const [state, formAction, pending] = useRefreshingAction(
    action,
    onDone === "redirect-to-assets" ? { navigateTo: "/assets" } : {},
  );
  const errors = fieldErrorsOf(state).name;
  return (
    <form action={formAction} className="max-w-md space-y-3" noValidate>
      {organizationId && <input type="hidden" name="organizationId" value={organizationId} />}
      <TextField
        label="Organisation name"
        name="name"
        value={name}
        onValueChange={setName}
        errors={errors}
        maxLength={100}
        required
      />
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
      {!errors && <FormStatus state={state} />}
    </form>
  );
}
