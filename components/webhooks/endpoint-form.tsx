"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import { WEBHOOK_EVENT_TYPES, WEBHOOK_FORMATS } from "@/lib/webhooks/event-types";
import { WEBHOOK_DESCRIPTION_MAX_LENGTH, WEBHOOK_URL_MAX_LENGTH } from "@/lib/validation/webhook";
import type { EndpointFields, WebhookAction } from "./types";

const EMPTY: EndpointFields = {
  url: "",
  description: "",
  eventTypes: Object.keys(WEBHOOK_EVENT_TYPES),
  format: "STANDARD",
};

/** Add an endpoint (then open its page) or change one: URL, description, events, format. */
export function EndpointForm({
  organizationId,
  action,
  endpointId,
  initial = EMPTY,
  submitLabel,
}: {
  organizationId: string;
  action: WebhookAction<{ id: string }> | WebhookAction;
  endpointId?: string;
  initial?: EndpointFields;
  submitLabel: string;
}) {
  const router = useRouter();
  const [fields, setFields] = useState(initial);
  const set = <K extends keyof EndpointFields>(key: K, value: EndpointFields[K]) =>
    setFields((f) => ({ ...f, [key]: value }));
  const [state, formAction, pending] = useRefreshingAction(action as WebhookAction<{ id: string }>, {
    onSuccess: (result) => {
      if (!endpointId && result.success !== undefined && result.data)
        router.push(`/settings/webhooks/${result.data.id}`);
    },
  });
  const errors = fieldErrorsOf(state);
  const toggle = (type: string, on: boolean) =>
    set("eventTypes", on ? [...fields.eventTypes, type] : fields.eventTypes.filter((t) => t !== type));

  return (
    <form action={formAction} className="space-y-4 rounded-md border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="organizationId" value={organizationId} />
      {endpointId && <input type="hidden" name="endpointId" value={endpointId} />}
      <input type="hidden" name="eventTypes" value={fields.eventTypes.join(",")} />
      <TextField
        label="Endpoint URL"
        name="url"
        type="url"
        value={fields.url}
        onValueChange={(v) => set("url", v)}
        errors={errors.url}
        placeholder="https://hooks.example.com/portwatch"
        hint="Deliveries are POSTed here. It must be https:// and resolve to a public address; redirects are not followed."
        maxLength={WEBHOOK_URL_MAX_LENGTH}
        autoComplete="off"
        required
      />
      <TextField
        label="Description (optional)"
        name="description"
        value={fields.description}
        onValueChange={(v) => set("description", v)}
        errors={errors.description}
        maxLength={WEBHOOK_DESCRIPTION_MAX_LENGTH}
        autoComplete="off"
      />
      <fieldset aria-describedby={errors.eventTypes ? "webhook-events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Events to send</legend>
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {Object.entries(WEBHOOK_EVENT_TYPES).map(([type, description]) => (
            <label key={type} className="flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-1"
                checked={fields.eventTypes.includes(type)}
                onChange={(e) => toggle(type, e.target.checked)}
              />
              <span>
                <code className="font-mono text-xs">{type}</code>
                <span className="block text-xs text-slate-600">{description}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.eventTypes && (
          <p id="webhook-events-error" className="mt-1 text-sm text-red-700">
            {errors.eventTypes.join(" ")}
          </p>
        )}
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Format</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {Object.entries(WEBHOOK_FORMATS).map(([format, label]) => (
            <label key={format} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="format"
                value={format}
                checked={fields.format === format}
                onChange={() => set("format", format as EndpointFields["format"])}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Saving…">
        {submitLabel}
      </SubmitButton>
      {!errors.url && !errors.eventTypes && <FormStatus state={state} />}
    </form>
  );
}
