"use client";

import { useState } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { primaryButton, textInput } from "@/components/forms/buttons";
import { FormStatus, fieldErrors } from "@/components/forms/form-status";
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
  const [state, formAction, pending] = useRefreshingAction(action, onDone === "redirect-to-assets" ? { navigateTo: "/assets" } : {});
  const errors = fieldErrors(state, "name");
  return (
    <form action={formAction} className="max-w-md space-y-3" noValidate>
      {organizationId && <input type="hidden" name="organizationId" value={organizationId} />}
      <div>
        <label htmlFor="org-name" className="block text-sm font-medium">
          Organisation name
        </label>
        <input
          id="org-name"
          name="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={100}
          required
          aria-invalid={errors ? true : undefined}
          aria-describedby={errors ? "org-name-error" : undefined}
          className={`mt-1 ${textInput}`}
        />
        {errors && (
          <p id="org-name-error" className="mt-1 text-sm text-red-700">
            {errors.join(" ")}
          </p>
        )}
      </div>
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
      {!errors && <FormStatus state={state} />}
    </form>
  );
}
