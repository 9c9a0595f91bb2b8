import { db } from "@/lib/db/client";

/**
 * Who receives the organisation's report: members who kept it on (with a confirmed address, so a
 * report never goes to an inbox nobody proved to own) plus the extra addresses, each once, lowercase.
 */
export async function reportRecipients(organizationId: string): Promise<string[]> {
  const [members, org] = await Promise.all([
    db.membership.findMany({
      where: { organizationId, receivesReports: true, user: { emailVerifiedAt: { not: null } } },
      select: { user: { select: { email: true } } },
    }),
    db.organization.findUnique({ where: { id: organizationId }, select: { reportExtraRecipients: true } }),
  ]);
  const all = [...members.map((m) => m.user.email), ...(org?.reportExtraRecipients ?? [])].map((e) => e.toLowerCase());
  return [...new Set(all)].sort();
}
