"use client";

import { useTransition, useState } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/result";

interface Org {
  id: string;
  name: string;
}

type SwitchAction = (prev: undefined, input: FormData) => Promise<ActionResult>;

export function OrgSwitcher({
  organizations,
  activeId,
  switchAction,
}: {
  organizations: Org[];
  activeId: string | null;
  switchAction: SwitchAction;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function onChange(organizationId: string) {
    if (organizationId === "__new") {
      router.push("/organizations/new");
      return;
    }
    const form = new FormData();
    form.set("organizationId", organizationId);
    startTransition(async () => {
      const result = await switchAction(undefined, form);
      if (result.error !== undefined) setError(result.error);
      else {
        setError(null);
        router.refresh();
      }
    });
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor="org-switcher" className="sr-only">
        Organisation
      </label>
      <select
        id="org-switcher"
        value={activeId ?? ""}
        disabled={pending}
        onChange={(e) => onChange(e.target.value)}
        className="max-w-56 truncate rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {activeId === null && <option value="">No organisation</option>}
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
        <option value="__new">+ New organisation…</option>
      </select>
      {error && (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      )}
    </div>
  );
}
