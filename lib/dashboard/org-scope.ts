import { Prisma } from "@/lib/generated/prisma/client";
import { rolesWith } from "@/lib/authz/capabilities";
import type { OrgContext } from "@/lib/authz/org-context";

/** The context every dashboard and asset-page query takes: a member who may read the organisation's assets. */
export type OrgScope = OrgContext<"assets:read">;

/**
 * The membership check repeated inside a raw SQL query (the Prisma queries use inOrganization): a
 * member removed or demoted since the context was made reads nothing.
 */
export function memberCheck(ctx: OrgScope): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = ${ctx.organizationId} AND m."userId" = ${ctx.userId}
    AND m."role"::text IN (${Prisma.join(rolesWith("assets:read"))}))`;
}

/** Days between `since` and now, as the start of the window (UTC midnight). */
export function windowStart(days: number, now: Date = new Date()): Date {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return start;
}
