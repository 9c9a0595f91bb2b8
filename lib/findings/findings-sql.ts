import { Prisma } from "@/lib/generated/prisma/client";
import type { FindingSort, FindingsFilter } from "@/lib/validation/findings";
import { membershipSql } from "@/lib/authz/membership-sql";
import { escapeLike } from "@/lib/db/like-pattern";
import type { FindingsContext } from "./org-scope";

/**
 * The SQL every findings query shares: which rows (open intervals of the organisation's live assets,
 * narrowed by the filter) and in which order. Written once so the page, its count and the export can
 * never disagree about what "the current filter" means.
 */
export const FINDING_COLUMNS = Prisma.sql`
  pi."id", pi."assetId", a."value" AS "assetValue", a."label" AS "assetLabel", pi."hostId", h."ip", h."hostname",
  pi."port", lower(pi."protocol"::text) AS "protocol", pi."state", pi."typicalService", pi."pendingClassification",
  pi."detectedService", pi."product", pi."version", pi."serviceMismatch", pi."severity"::text AS "severity",
  pi."contribution", pi."ruleId", pi."firstSeenAt", pi."lastSeenAt"`;

export const FINDING_FROM = Prisma.sql`
  FROM "PortInterval" AS pi
  JOIN "Asset" AS a ON a."id" = pi."assetId"
  JOIN "Host" AS h ON h."id" = pi."hostId"`;

/** FROM for counting: the host is joined only when the search text may match its address or name. */
export function findingsCountFrom(filter: FindingsFilter): Prisma.Sql {
  return filter.q
    ? FINDING_FROM
    : Prisma.sql`
  FROM "PortInterval" AS pi
  JOIN "Asset" AS a ON a."id" = pi."assetId"`;
}

export function findingsWhere(ctx: FindingsContext, filter: FindingsFilter): Prisma.Sql {
  const org = ctx.organizationId;
  const conditions: Prisma.Sql[] = [
    membershipSql(ctx, "findings:read"),
    Prisma.sql`pi."organizationId" = ${org}`,
    Prisma.sql`pi."closedAt" IS NULL`,
    Prisma.sql`a."organizationId" = ${org}`,
    Prisma.sql`a."deletedAt" IS NULL`,
  ];
  if (filter.severity?.length)
    conditions.push(Prisma.sql`pi."severity" = ANY(${filter.severity}::text[]::"Severity"[])`);
  if (filter.service)
    conditions.push(Prisma.sql`(pi."detectedService" = ${filter.service} OR pi."typicalService" = ${filter.service})`);
  if (filter.asset) conditions.push(Prisma.sql`pi."assetId" = ${filter.asset}`);
  if (filter.protocol)
    conditions.push(Prisma.sql`pi."protocol" = ${filter.protocol.toUpperCase()}::"TransportProtocol"`);
  if (filter.mismatch !== undefined) conditions.push(Prisma.sql`pi."serviceMismatch" = ${filter.mismatch}`);
  if (filter.pending !== undefined) conditions.push(Prisma.sql`pi."pendingClassification" = ${filter.pending}`);
  if (filter.since) conditions.push(Prisma.sql`pi."firstSeenAt" >= ${filter.since}`);
  if (filter.q) conditions.push(searchCondition(filter.q));
  return Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}`;
}

/** Free text: a port number, or a substring of the host, its name, the asset, a service, product or version. */
function searchCondition(q: string): Prisma.Sql {
  const like = `%${escapeLike(q)}%`;
  const fields = [
    Prisma.sql`h."ip" ILIKE ${like}`,
    Prisma.sql`h."hostname" ILIKE ${like}`,
    Prisma.sql`a."value" ILIKE ${like}`,
    Prisma.sql`a."label" ILIKE ${like}`,
    Prisma.sql`pi."typicalService" ILIKE ${like}`,
    Prisma.sql`pi."detectedService" ILIKE ${like}`,
    Prisma.sql`pi."product" ILIKE ${like}`,
    Prisma.sql`pi."version" ILIKE ${like}`,
  ];
  const port = /^\d{1,5}$/.test(q.trim()) ? Number(q.trim()) : null;
  if (port !== null) fields.push(Prisma.sql`pi."port" = ${port}`);
  return Prisma.sql`(${Prisma.join(fields, " OR ")})`;
}

/**
 * ORDER BY for a sort. "desc" is the natural reading: worst first for severity and contribution,
 * newest first for dates; "asc" is its exact reverse. The id makes every order total, so pages never
 * overlap. The severity, first-seen and id orders are the partial indexes on open ports (prisma/schema.prisma,
 * PortInterval_open_by_*), so their pages are read in order and stop at the LIMIT; the other sorts sort the
 * matching rows.
 */
export function findingsOrderBy(sort: FindingSort, dir: "asc" | "desc"): Prisma.Sql {
  const natural = dir === "desc";
  const keys: Record<FindingSort, string> = {
    severity: natural
      ? `pi."severity" ASC NULLS LAST, pi."contribution" DESC NULLS FIRST, pi."id" ASC`
      : `pi."severity" DESC NULLS FIRST, pi."contribution" ASC NULLS LAST, pi."id" DESC`,
    contribution: natural
      ? `pi."contribution" DESC NULLS LAST, pi."id" ASC`
      : `pi."contribution" ASC NULLS FIRST, pi."id" DESC`,
    firstSeen: natural ? `pi."firstSeenAt" DESC, pi."id" DESC` : `pi."firstSeenAt" ASC, pi."id" ASC`,
    lastSeen: natural ? `pi."lastSeenAt" DESC, pi."id" DESC` : `pi."lastSeenAt" ASC, pi."id" ASC`,
    // Text and numbers read A→Z / low→high as "asc".
    asset: natural ? `a."value" DESC, pi."id" DESC` : `a."value" ASC, pi."id" ASC`,
    host: natural ? `h."ip"::inet DESC, pi."id" DESC` : `h."ip"::inet ASC, pi."id" ASC`,
    port: natural
      ? `pi."port" DESC, pi."protocol" DESC, pi."id" DESC`
      : `pi."port" ASC, pi."protocol" ASC, pi."id" ASC`,
    service: natural
      ? `COALESCE(pi."detectedService", pi."typicalService") DESC NULLS LAST, pi."id" DESC`
      : `COALESCE(pi."detectedService", pi."typicalService") ASC NULLS LAST, pi."id" ASC`,
  };
  return Prisma.raw(`ORDER BY ${keys[sort]}`);
}
