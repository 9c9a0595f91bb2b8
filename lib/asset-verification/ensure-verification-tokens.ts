import { db } from "@/lib/db/client";
import { membershipSql } from "@/lib/authz/membership-sql";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { newVerificationToken } from "./proof";

/**
 * The verification secret of each listed asset, for the admins and owners who see how to verify them.
 * Assets added since verification exists got theirs when they were added; the few older ones without one get
 * it here, all in one UPDATE (never one write per asset), and only if they still have none, so two page
 * views at once cannot hand out different secrets. Assets of another organisation are left alone.
 */
export async function ensureVerificationTokens(
  ctx: OrgContext<"assets:write">,
  assets: readonly { id: string; verificationToken: string | null }[],
): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const missing: string[] = [];
  for (const a of assets) {
    if (a.verificationToken) tokens.set(a.id, a.verificationToken);
    else missing.push(a.id);
  }
  if (missing.length === 0) return tokens;

  const fresh = missing.map(() => newVerificationToken());
  const set = await db.$queryRaw<{ id: string; verificationToken: string }[]>`
    UPDATE "Asset" AS a SET "verificationToken" = t.token
    FROM unnest(${missing}::text[], ${fresh}::text[]) AS t(id, token)
    WHERE a."id" = t.id AND a."organizationId" = ${ctx.organizationId} AND a."verificationToken" IS NULL
      AND ${membershipSql(ctx, "assets:write")}
    RETURNING a."id", a."verificationToken"`;
  for (const row of set) tokens.set(row.id, row.verificationToken);

  // Another request gave some of them a secret a moment ago: read those.
  const raced = missing.filter((id) => !tokens.has(id));
  if (raced.length > 0) {
    const rows = await db.asset.findMany({
      where: { id: { in: raced }, verificationToken: { not: null }, ...inOrganization(ctx, "assets:write") },
      select: { id: true, verificationToken: true },
    });
    for (const row of rows) tokens.set(row.id, row.verificationToken!);
  }
  return tokens;
}
