"use client";

import { useState } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { MAX_LABEL_LENGTH } from "@/lib/assets/limits";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";

type AddAction = (prev: ActionState<{ id: string }>, input: FormData) => Promise<ActionResult<{ id: string }>>;

/** Typed values stay in the fields when the server refuses them (controlled inputs); a success clears them. */
export function AddAssetForm({ organizationId, action }: { organizationId: string; action: AddAction }) {
  const [value, setValue] = useState("");
  const [label, setLabel] = useState("");
  const [state, formAction, pending] = useRefreshingAction(action, {
    onSuccess: () => {
      setValue("");
      setLabel("");
    },
  });
  const { value: valueErrors, label: labelErrors } = fieldErrorsOf(state);
  return (
    <form action={formAction} className="rounded-md border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1.5fr_auto] sm:items-start">
        <TextField
          label="Domain or IP address"
          name="value"
          value={value}
          onValueChange={setValue}
          errors={valueErrors}
          hint="A domain name like example.com, or one IPv4/IPv6 address."
          placeholder="example.com"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <TextField
          label={
            <>
              Label <span className="font-normal text-slate-500">(optional)</span>
            </>
          }
          name="label"
          value={label}
          onValueChange={setLabel}
          errors={labelErrors}
          maxLength={MAX_LABEL_LENGTH}
          placeholder="Production website"
        />
        <SubmitButton pending={pending} pendingLabel="Adding…" className="sm:mt-6">
          Add asset
        </SubmitButton>
      </div>
      {state?.error !== undefined && !valueErrors && !labelErrors && <FormStatus state={state} className="mt-3" />}
      {state?.success !== undefined && <FormStatus state={state} className="mt-3" />}
    </form>
  );
}
