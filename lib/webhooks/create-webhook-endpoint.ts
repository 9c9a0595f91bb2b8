import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { recheckMembership } from "@/lib/authz/membership";
import type { OrgContext } from "@/lib/authz/org-context";
import { AppError } from "@/lib/errors";
import { withOrganizationLock } from "@/lib/organizations/transaction";
import type { WebhookEndpointInput } from "@/lib/validation/webhook";
import { assertWebhookUrlAllowed } from "./endpoint-url-or-error";
import { MAX_WEBHOOK_ENDPOINTS } from "./limits";
import { newSigningSecret } from "./signing-secret";

/** Adds an endpoint with a new signing secret. Its URL must resolve to an address Portwatch may call. */
export async function createWebhookEndpoint(
  ctx: OrgContext<"webhooks:manage">,
  input: WebhookEndpointInput,
  audit: { ip?: string | null } = {},
): Promise<{ id: string }> {
  await assertWebhookUrlAllowed(input.url);
  return withOrganizationLock(ctx.organizationId, async (tx) => {
    await recheckMembership(tx, ctx, "webhooks:manage");
    const count = await tx.webhookEndpoint.count({ where: { organizationId: ctx.organizationId } });
    if (count >= MAX_WEBHOOK_ENDPOINTS) {
      throw new AppError(
        "conflict",
        `An organisation can have at most ${MAX_WEBHOOK_ENDPOINTS} webhook endpoints. Delete one first.`,
      );
    }
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        organizationId: ctx.organizationId,
        url: input.url,
        description: input.description ?? null,
        eventTypes: input.eventTypes,
        format: input.format,
        secret: newSigningSecret(),
        createdById: ctx.userId,
      },
      select: { id: true },
    });
    await recordAuditEvent(
      {
        action: "webhook.created",
        organizationId: ctx.organizationId,
        actorUserId: ctx.userId,
        ip: audit.ip ?? null,
        target: `webhook:${endpoint.id}`,
        details: { host: new URL(input.url).host, events: input.eventTypes.join(" "), format: input.format },
      },
      tx,
    );
    return endpoint;
  });
}
