import type { Prisma } from "@/lib/generated/prisma/client";
import { membershipSql } from "@/lib/authz/membership-sql";
import type { OrgContext } from "@/lib/authz/org-context";

/** The context every dashboard and asset-page query takes: a member who may read the organisation's assets. */
export type OrgScope = OrgContext<"assets:read">;

/** The membership check repeated inside a raw SQL query (the Prisma queries use inOrganization). */
export function memberCheck(ctx: OrgScope): Prisma.Sql {
  return membershipSql(ctx, "assets:read");
}

/** Days between `since` and now, as the start of the window (UTC midnight). */
export function windowStart(days: number, now: Date = new Date()): Date {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return start;
}
