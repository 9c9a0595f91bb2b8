import type { OrgContext } from "@/lib/authz/org-context";
import { changeWebhookEndpoint } from "./change-webhook-endpoint";

/** Deletes an endpoint with its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(
  ctx: OrgContext<"webhooks:manage">,
  endpointId: string,
  audit: { ip?: string | null } = {},
): Promise<void> {
  await changeWebhookEndpoint(ctx, endpointId, { action: "webhook.deleted", apply: "delete", ip: audit.ip ?? null });
}
