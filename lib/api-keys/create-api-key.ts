import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { organizationWhere, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { ApiKeyScope } from "@/lib/validation/api-key";
import { generateApiKey } from "./key-format";

/**
 * Creates a key for the organisation (the capability is checked again in the query) and returns it:
 * the only time the key exists outside the caller's hands — the database keeps its hash. The audit
 * event commits with it.
 */
export async function createApiKey(
  ctx: OrgContext<"api-keys:manage">,
  input: { name: string; scope: ApiKeyScope; expiresAt?: Date | undefined; ip?: string | null },
): Promise<{ id: string; key: string; prefix: string }> {
  const { key, prefix, keyHash } = generateApiKey();
  return db.$transaction(async (tx) => {
    const org = await tx.organization.findFirst({
      where: organizationWhere(ctx, "api-keys:manage"),
      select: { id: true },
    });
    if (!org) throw notFound("Organisation");
    const row = await tx.apiKey.create({
      data: {
        organizationId: ctx.organizationId,
        name: input.name,
        scope: input.scope,
        prefix,
        keyHash,
        createdById: ctx.userId,
        expiresAt: input.expiresAt ?? null,
      },
      select: { id: true },
    });
    await recordAuditEvent(
      {
        action: "api_key.created",
        organizationId: ctx.organizationId,
        actorUserId: ctx.userId,
        ip: input.ip ?? null,
        target: `api_key:${row.id}`,
        details: {
          name: input.name,
          scope: input.scope,
          prefix,
          expiresAt: input.expiresAt?.toISOString() ?? null,
        },
      },
      tx,
    );
    return { id: row.id, key, prefix };
  });
}
