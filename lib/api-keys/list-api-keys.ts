import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";

export interface ApiKeyRow {
  id: string;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdAt: Date;
  createdByEmail: string | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** The organisation's keys, newest first, revoked ones included (they say so). Never the key itself. */
export async function listApiKeys(ctx: OrgContext<"api-keys:manage">): Promise<ApiKeyRow[]> {
  const rows = await db.apiKey.findMany({
    where: inOrganization(ctx, "api-keys:manage"),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      name: true,
      scope: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      createdBy: { select: { email: true } },
    },
  });
  return rows.map(({ createdBy, ...key }) => ({ ...key, createdByEmail: createdBy?.email ?? null }));
}
