"use client";

import { useId } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { FormStatus } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { textInput } from "@/components/forms/buttons";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";

type Action = (prev: ActionState, input: FormData) => Promise<ActionResult>;

const SEVERITIES = [
  { value: "critical", label: "Critical" },
  { value: "high", label: "High" },
  { value: "medium", label: "Medium" },
  { value: "low", label: "Low" },
] as const;

/** A member's own choice: the scheduled report, and which alerts reach them how. */
export function MemberMailSettingsForm({
  action,
  organizationId,
  initial,
}: {
  action: Action;
  organizationId: string;
  initial: { receivesReports: boolean; alertDelivery: string; alertSeverities: string[] };
}) {
  const id = useId();
  const [state, formAction, pending] = useRefreshingAction(action);
  return (
    <form action={formAction} className="max-w-lg space-y-4">
      <input type="hidden" name="organizationId" value={organizationId} />
      <div className="flex items-center gap-2">
        <input id={`${id}-reports`} name="receivesReports" type="checkbox" defaultChecked={initial.receivesReports} />
        <label htmlFor={`${id}-reports`} className="text-sm text-slate-800">
          Send me the organisation&rsquo;s scheduled report
        </label>
      </div>
      <div>
        <label htmlFor={`${id}-delivery`} className="block text-sm font-medium text-slate-800">
          Alerts
        </label>
        <select
          id={`${id}-delivery`}
          name="alertDelivery"
          defaultValue={initial.alertDelivery}
          className={`mt-1 ${textInput}`}
        >
          <option value="IMMEDIATE">At once: one mail per scan with changes</option>
          <option value="DIGEST">Daily digest at 08:00</option>
          <option value="OFF">Off</option>
        </select>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Alert me about</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {SEVERITIES.map((s) => (
            <div key={s.value} className="flex items-center gap-2">
              <input
                id={`${id}-${s.value}`}
                name={s.value}
                type="checkbox"
                defaultChecked={initial.alertSeverities.includes(s.value)}
              />
              <label htmlFor={`${id}-${s.value}`} className="text-sm text-slate-800">
                {s.label}
              </label>
            </div>
          ))}
        </div>
        <p className="mt-1 text-sm text-slate-600">
          Newly opened ports and changed services are alerted at the port&rsquo;s severity, expired certificates as
          high, expiring ones as medium, grade drops as high.
        </p>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save my mail settings
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
