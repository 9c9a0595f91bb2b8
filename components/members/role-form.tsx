"use client";

import { useState } from "react";
import { secondaryButton } from "@/components/forms/buttons";
import { InlineError } from "@/components/forms/form-status";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { ROLE_LABELS, type MemberAction, type RoleName } from "./types";

export function RoleForm({
  organizationId,
  membershipId,
  memberName,
  role,
  options,
  action,
}: {
  organizationId: string;
  membershipId: string;
  memberName: string;
  role: RoleName;
  options: RoleName[];
  action: MemberAction;
}) {
  const [selected, setSelected] = useState<RoleName>(role);
  const [state, formAction, pending] = useRefreshingAction(action);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label htmlFor={`role-${membershipId}`} className="sr-only">
        Role of {memberName}
      </label>
      <select
        id={`role-${membershipId}`}
        name="role"
        value={selected}
        onChange={(e) => setSelected(e.target.value as RoleName)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {options.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      {selected !== role && (
        <button type="submit" className={secondaryButton} disabled={pending}>
          {pending ? "Saving…" : "Save"}
        </button>
      )}
      <InlineError state={state} className="w-full" />
    </form>
  );
}
