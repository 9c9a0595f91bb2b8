import type { OrgContext } from "@/lib/authz/org-context";
import { changeWebhookEndpoint } from "./change-webhook-endpoint";

/** Pauses or resumes an endpoint. Deliveries still pending for a disabled endpoint fail instead of being sent. */
export async function setWebhookEndpointEnabled(
  ctx: OrgContext<"webhooks:manage">,
  endpointId: string,
  enabled: boolean,
  audit: { ip?: string | null } = {},
): Promise<void> {
  await changeWebhookEndpoint(ctx, endpointId, {
    action: "webhook.updated",
    apply: { enabled },
    details: { enabled },
    ip: audit.ip ?? null,
  });
}
