import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { recheckMembership } from "@/lib/authz/membership";
import type { OrgContext } from "@/lib/authz/org-context";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { withOrganizationLock } from "@/lib/organizations/transaction";

/**
 * The one path for changing or deleting an endpoint: under the organisation's lock, the caller's right
 * re-checked, the endpoint looked up inside the organisation (another organisation's id is "not found"),
 * the change applied and audited in the same transaction.
 */
export async function changeWebhookEndpoint(
  ctx: OrgContext<"webhooks:manage">,
  endpointId: string,
  change: {
    action: AuditAction;
    /** The new column values, or "delete". */
    apply: Prisma.WebhookEndpointUpdateInput | "delete";
    details?: Record<string, string | number | boolean | null>;
    ip?: string | null;
  },
): Promise<void> {
  await withOrganizationLock(ctx.organizationId, async (tx) => {
    await recheckMembership(tx, ctx, "webhooks:manage");
    const endpoint = await tx.webhookEndpoint.findFirst({
      where: { id: endpointId, organizationId: ctx.organizationId },
      select: { id: true, url: true },
    });
    if (!endpoint) throw notFound("That webhook endpoint");
    if (change.apply === "delete") await tx.webhookEndpoint.delete({ where: { id: endpoint.id } });
    else await tx.webhookEndpoint.update({ where: { id: endpoint.id }, data: change.apply });
    await recordAuditEvent(
      {
        action: change.action,
        organizationId: ctx.organizationId,
        actorUserId: ctx.userId,
        ip: change.ip ?? null,
        target: `webhook:${endpoint.id}`,
        // The host only: a receiver's path can itself be a secret (Slack's URLs are).
        details: { host: new URL(endpoint.url).host, ...change.details },
      },
      tx,
    );
  });
}
