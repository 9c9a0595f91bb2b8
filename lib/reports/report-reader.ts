import { requireMembership } from "@/lib/authz/membership";
import { db } from "@/lib/db/client";
import type { OrgScope } from "@/lib/dashboard/org-scope";

/**
 * The context a scheduled report is read with: the organisation's longest-standing owner, checked like
 * any member, so the report shows exactly what the dashboard shows its owners and goes through the
 * same queries. Null when the organisation has no owner left (then nobody asked for the report).
 */
export async function reportReaderContext(organizationId: string): Promise<OrgScope | null> {
  const owner = await db.membership.findFirst({
    where: { organizationId, role: "OWNER" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { userId: true },
  });
  return owner ? requireMembership(owner.userId, organizationId, "assets:read") : null;
}
