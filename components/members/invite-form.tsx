"use client";

import { useState } from "react";
import { primaryButton, textInput } from "@/components/forms/buttons";
import { FormStatus, fieldErrors } from "@/components/forms/form-status";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { ROLE_LABELS, type MemberAction, type RoleName } from "./types";

export function InviteForm({ organizationId, roles, action }: { organizationId: string; roles: RoleName[]; action: MemberAction }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<RoleName>("VIEWER");
  const [state, formAction, pending] = useRefreshingAction(action, { onSuccess: () => setEmail("") });
  const emailErrors = fieldErrors(state, "email");
  return (
    <form action={formAction} className="space-y-3 rounded-md border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_auto] sm:items-start">
        <div>
          <label htmlFor="invite-email" className="block text-sm font-medium">
            E-mail address
          </label>
          <input
            id="invite-email"
            name="email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            placeholder="colleague@example.com"
            autoComplete="off"
            required
            aria-invalid={emailErrors ? true : undefined}
            aria-describedby={emailErrors ? "invite-email-error" : undefined}
            className={`mt-1 ${textInput}`}
          />
          {emailErrors && (
            <p id="invite-email-error" className="mt-1 text-sm text-red-700">
              {emailErrors.join(" ")}
            </p>
          )}
        </div>
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
        <button type="submit" className={`${primaryButton} sm:mt-6`} disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </button>
      </div>
      <p className="text-xs text-slate-500">
        Viewers see assets and results. Admins also add and change assets and invite people. Owners also rename the organisation and remove members.
      </p>
      {!emailErrors && <FormStatus state={state} />}
    </form>
  );
}
