"use client";

import { useState } from "react";
import { secondaryButton } from "@/components/forms/buttons";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import type { ActionResult, ActionState } from "@/lib/actions/result";

type CreateKeyAction = (prev: ActionState<{ key: string }>, input: FormData) => Promise<ActionResult<{ key: string }>>;

/** Name, scope and optional expiry; the new key is shown once, with a copy button. */
export function CreateApiKeyForm({ organizationId, action }: { organizationId: string; action: CreateKeyAction }) {
  const [name, setName] = useState("");
  const [scope, setScope] = useState("READ");
  const [expiresAt, setExpiresAt] = useState("");
  const [state, formAction, pending] = useRefreshingAction(action, {
    onSuccess: () => {
      setName("");
      setExpiresAt("");
    },
  });
  const errors = fieldErrorsOf(state);
  const newKey = state?.success !== undefined ? state.data?.key : undefined;
  return (
    <div className="space-y-3">
      <form action={formAction} className="space-y-3 rounded-md border border-slate-200 bg-white p-4" noValidate>
        <input type="hidden" name="organizationId" value={organizationId} />
        <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-start">
          <TextField
            label="Name"
            name="name"
            value={name}
            onValueChange={setName}
            errors={errors.name}
            placeholder="SIEM import"
            autoComplete="off"
            required
          />
          <div>
            <label htmlFor="api-key-scope" className="block text-sm font-medium text-slate-800">
              Scope
            </label>
            <select
              id="api-key-scope"
              name="scope"
              value={scope}
              onChange={(e) => setScope(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
            >
              <option value="READ">Read-only</option>
              <option value="READ_WRITE">Read and write</option>
            </select>
          </div>
          <TextField
            label="Expires (optional)"
            name="expiresAt"
            type="date"
            value={expiresAt}
            onValueChange={setExpiresAt}
            errors={errors.expiresAt}
            hint="Blank: never expires."
          />
          <SubmitButton pending={pending} pendingLabel="Creating…" className="sm:mt-6">
            Create key
          </SubmitButton>
        </div>
        <p className="text-xs text-slate-500">
          A read-only key can read assets, findings, grades and scans. A read and write key can also add, relabel and
          delete assets and request scans. Keys act with your role in this organisation.
        </p>
        {!errors.name && !errors.expiresAt && <FormStatus state={state} />}
      </form>
      {newKey && <NewKey value={newKey} />}
    </div>
  );
}

function NewKey({ value }: { value: string }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4" aria-labelledby="new-api-key-title">
      <p id="new-api-key-title" className="text-sm font-medium text-amber-900">
        Your new API key — copy it now, it will not be shown again.
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          data-testid="new-api-key"
          className="rounded bg-white px-2 py-1 font-mono text-sm break-all text-slate-900"
        >
          {value}
        </code>
        <button type="button" className={secondaryButton} onClick={copy}>
          Copy
        </button>
        <span role="status" className="text-sm text-amber-900">
          {copied === "yes" ? "Copied." : copied === "failed" ? "Copying failed: select the key and copy it." : ""}
        </span>
      </div>
    </div>
  );
}
