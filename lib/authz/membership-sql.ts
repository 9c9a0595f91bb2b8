import { Prisma } from "@/lib/generated/prisma/client";
import { rolesWith, type Capability } from "./capabilities";
import type { OrgContext } from "./org-context";

/**
 * The membership check again, inside a raw SQL query (what `inOrganization` is for Prisma's `where`): a
 * member removed or demoted since the context was made reads and writes nothing.
 */
export function membershipSql<C extends Capability>(ctx: OrgContext<C>, capability: C): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Membership" AS m WHERE m."organizationId" = ${ctx.organizationId} AND m."userId" = ${ctx.userId} AND m."role"::text = ANY(${rolesWith(capability)}::text[]))`;
}
