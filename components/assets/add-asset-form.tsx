"use client";

import { useState } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { MAX_LABEL_LENGTH } from "@/lib/assets/limits";
import { primaryButton, textInput } from "@/components/forms/buttons";
import { FormStatus, fieldErrors } from "@/components/forms/form-status";
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
  const valueErrors = fieldErrors(state, "value");
  const labelErrors = fieldErrors(state, "label");
  return (
    <form action={formAction} className="rounded-md border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1.5fr_auto] sm:items-start">
        <div>
          <label htmlFor="asset-value" className="block text-sm font-medium">
            Domain or IP address
          </label>
          <input
            id="asset-value"
            name="value"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder="example.com"
            autoComplete="off"
            spellCheck={false}
            required
            aria-invalid={valueErrors ? true : undefined}
            aria-describedby={valueErrors ? "asset-value-error" : "asset-value-hint"}
            className={`mt-1 ${textInput}`}
          />
          {valueErrors ? (
            <p id="asset-value-error" className="mt-1 text-sm text-red-700">
              {valueErrors.join(" ")}
            </p>
          ) : (
            <p id="asset-value-hint" className="mt-1 text-xs text-slate-500">
              A domain name like example.com, or one IPv4/IPv6 address.
            </p>
          )}
        </div>
        <div>
          <label htmlFor="asset-label" className="block text-sm font-medium">
            Label <span className="font-normal text-slate-500">(optional)</span>
          </label>
          <input
            id="asset-label"
            name="label"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            maxLength={MAX_LABEL_LENGTH}
            placeholder="Production website"
            aria-invalid={labelErrors ? true : undefined}
            aria-describedby={labelErrors ? "asset-label-error" : undefined}
            className={`mt-1 ${textInput}`}
          />
          {labelErrors && (
            <p id="asset-label-error" className="mt-1 text-sm text-red-700">
              {labelErrors.join(" ")}
            </p>
          )}
        </div>
        <button type="submit" className={`${primaryButton} sm:mt-6`} disabled={pending}>
          {pending ? "Adding…" : "Add asset"}
        </button>
      </div>
      {state?.error !== undefined && !valueErrors && !labelErrors && <FormStatus state={state} className="mt-3" />}
      {state?.success !== undefined && <FormStatus state={state} className="mt-3" />}
    </form>
  );
}
