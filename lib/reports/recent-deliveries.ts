import { db } from "@/lib/db/client";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";

/** The latest report, alert and digest mails with their outcome: what /settings/reports shows. */
export async function listRecentDeliveries(ctx: OrgContext<"reports:manage">, take = 20) {
  return db.mailDelivery.findMany({
    where: inOrganization(ctx, "reports:manage"),
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      kind: true,
      recipient: true,
      subject: true,
      status: true,
      attempts: true,
      error: true,
      updatedAt: true,
    },
  });
}
