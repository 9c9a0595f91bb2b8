"use client";

import { secondaryButton } from "@/components/forms/buttons";
import { FormStatus } from "@/components/forms/form-status";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";
import type { WebhookAction } from "./types";

/** "Send test event" and "Enable"/"Disable": one submit with the endpoint's id (and the wanted state). */
export function EndpointButton({
  organizationId,
  endpointId,
  action,
  label,
  pendingLabel,
  fields = {},
}: {
  organizationId: string;
  endpointId: string;
  action: WebhookAction;
  label: string;
  pendingLabel: string;
  fields?: Record<string, string>;
}) {
  const [state, formAction, pending] = useRefreshingAction(action);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="endpointId" value={endpointId} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={secondaryButton} disabled={pending}>
        {pending ? pendingLabel : label}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
