"use client";

import { useState } from "react";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { ROLE_LABELS, type MemberAction, type RoleName } from "./types";

export function InviteForm({
  organizationId,
  roles,
  action,
}: {
  organizationId: string;
  roles: RoleName[];
  action: MemberAction;
}) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<RoleName>("VIEWER");
  const [state, formAction, pending] = useRefreshingAction(action, { onSuccess: () => setEmail("") });
  const emailErrors = fieldErrorsOf(state).email;
  return (
    <form action={formAction} className="space-y-3 rounded-md border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-start">
        <TextField
          label="E-mail address"
          name="email"
          type="email"
          value={email}
          onValueChange={setEmail}
          errors={emailErrors}
          placeholder="colleague@example.com"
          autoComplete="off"
          required
        />
        <div>
          <label htmlFor="invite-role" className="block text-sm font-medium">
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value as RoleName)}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pending={pending} pendingLabel="Sending…" className="sm:mt-6">
          Send invitation
        </SubmitButton>
      </div>
      <p className="text-xs text-slate-500">
        Viewers see assets and results. Admins also add and change assets and invite people. Owners also rename the
        organisation and remove members.
      </p>
      {!emailErrors && <FormStatus state={state} />}
    </form>
  );
}
