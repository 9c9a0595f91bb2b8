"use client";

import { ConfirmButton } from "@/components/forms/confirm-button";
import { InlineError } from "@/components/forms/form-status";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import type { MemberAction } from "./types";

/** Remove a member, withdraw an invitation, leave: one confirmed submit with a few hidden fields. */
export function ConfirmActionForm({
  action,
  fields,
  label,
  question,
  confirmLabel,
  afterSuccess,
  navigateTo,
}: {
  action: MemberAction;
  fields: Record<string, string>;
  label: string;
  question: string;
  confirmLabel: string;
  afterSuccess?: "go-to-assets";
  /** Another page to show after success (the thing acted on is gone). */
  navigateTo?: string;
}) {
  const [state, formAction, pending] = useRefreshingAction(
    action,
    afterSuccess === "go-to-assets" ? { navigateTo: "/assets" } : navigateTo ? { navigateTo } : {},
  );
  return (
    <form action={formAction}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <ConfirmButton label={label} question={question} confirmLabel={confirmLabel} pending={pending} />
      <InlineError state={state} />
    </form>
  );
}
