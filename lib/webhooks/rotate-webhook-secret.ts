import type { OrgContext } from "@/lib/authz/org-context";
import { changeWebhookEndpoint } from "./change-webhook-endpoint";
import { newSigningSecret } from "./signing-secret";

/** Replaces the signing secret at once: attempts from now on are signed with the new one. */
export async function rotateWebhookSecret(
  ctx: OrgContext<"webhooks:manage">,
  endpointId: string,
  audit: { ip?: string | null } = {},
): Promise<void> {
  await changeWebhookEndpoint(ctx, endpointId, {
    action: "webhook.secret_rotated",
    apply: { secret: newSigningSecret() },
    ip: audit.ip ?? null,
  });
}
