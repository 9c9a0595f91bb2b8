"use client";

import { useId, useState } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { textInput } from "@/components/forms/buttons";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";

type Action = (prev: ActionState, input: FormData) => Promise<ActionResult>;

const SCHEDULES = [
  { value: "WEEKLY", label: "Weekly, Monday 08:00" },
  { value: "DAILY", label: "Daily, 08:00" },
  { value: "MONTHLY", label: "Monthly, the 1st at 08:00" },
  { value: "OFF", label: "Off" },
] as const;

function FieldErrors({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700">
      {errors.join(" ")}
    </p>
  );
}

/** When the report goes out, in which time zone, to which extra addresses, and the alert confirmation. */
export function ReportSettingsForm({
  action,
  organizationId,
  initial,
  timeZones,
}: {
  action: Action;
  organizationId: string;
  initial: { schedule: string; timeZone: string; extraRecipients: string[]; confirmOpenedPorts: boolean };
  timeZones: string[];
}) {
  const id = useId();
  const [state, formAction, pending] = useRefreshingAction(action);
  const [extra, setExtra] = useState(initial.extraRecipients.join("\n"));
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} className="max-w-lg space-y-4" noValidate>
      <input type="hidden" name="organizationId" value={organizationId} />
      <div>
        <label htmlFor={`${id}-schedule`} className="block text-sm font-medium text-slate-800">
          Send the report
        </label>
        <select id={`${id}-schedule`} name="schedule" defaultValue={initial.schedule} className={`mt-1 ${textInput}`}>
          {SCHEDULES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-tz`} className="block text-sm font-medium text-slate-800">
          Time zone
        </label>
        <select
          id={`${id}-tz`}
          name="timeZone"
          defaultValue={initial.timeZone}
          aria-invalid={Boolean(errors.timeZone) || undefined}
          aria-describedby={errors.timeZone ? `${id}-tz-error` : undefined}
          className={`mt-1 ${textInput}`}
        >
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz}
            </option>
          ))}
        </select>
        <FieldErrors id={`${id}-tz-error`} errors={errors.timeZone} />
      </div>
      <div>
        <label htmlFor={`${id}-extra`} className="block text-sm font-medium text-slate-800">
          Extra recipients
        </label>
        <p id={`${id}-extra-hint`} className="text-sm text-slate-600">
          Up to 10 addresses outside the organisation (your board, an auditor), one per line. Each mail has a one-click
          unsubscribe link.
        </p>
        <textarea
          id={`${id}-extra`}
          name="extraRecipients"
          rows={4}
          value={extra}
          onChange={(e) => setExtra(e.target.value)}
          aria-invalid={Boolean(errors.extraRecipients) || undefined}
          aria-describedby={`${id}-extra-hint${errors.extraRecipients ? ` ${id}-extra-error` : ""}`}
          className={`mt-1 ${textInput}`}
        />
        <FieldErrors id={`${id}-extra-error`} errors={errors.extraRecipients} />
      </div>
      <div className="flex items-start gap-2">
        <input
          id={`${id}-confirm`}
          name="confirmOpenedPorts"
          type="checkbox"
          defaultChecked={initial.confirmOpenedPorts}
          className="mt-1"
        />
        <label htmlFor={`${id}-confirm`} className="text-sm text-slate-800">
          Alert on a newly opened port only once a second scan in a row still sees it open (fewer alerts about ports
          that flap).
        </label>
      </div>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save report settings
      </SubmitButton>
      <FormStatus state={state} />
    </form>
  );
}
