import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/**
 * Revokes a key of the organisation: from this moment every call with it gets 401. Revoking a key
 * already revoked changes nothing (and records nothing); another organisation's key is "not found".
 */
export async function revokeApiKey(
  ctx: OrgContext<"api-keys:manage">,
  apiKeyId: string,
  options: { ip?: string | null; now?: Date } = {},
): Promise<{ name: string }> {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: apiKeyId, ...inOrganization(ctx, "api-keys:manage") },
      select: { id: true, name: true, prefix: true, revokedAt: true },
    });
    if (!key) throw notFound("API key");
    if (key.revokedAt) return { name: key.name };
    const { count } = await tx.apiKey.updateMany({
      where: { id: key.id, organizationId: ctx.organizationId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 1) {
      await recordAuditEvent(
        {
          action: "api_key.revoked",
          organizationId: ctx.organizationId,
          actorUserId: ctx.userId,
          ip: options.ip ?? null,
          target: `api_key:${key.id}`,
          details: { name: key.name, prefix: key.prefix },
          now,
        },
        tx,
      );
    }
    return { name: key.name };
  });
}
