import { Prisma } from "@/lib/generated/prisma/client";
import { newVerificationToken } from "@/lib/asset-verification/proof";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { inOrganization, organizationWhere, type OrgContext } from "@/lib/authz/org-context";
import { AppError, notFound } from "@/lib/errors";
import { withOrganizationLock } from "@/lib/organizations/transaction";
import { PLAN_LIMITS } from "@/lib/plans/plans";
import type { AssetTarget } from "./target-types";

export const alreadyMonitored = (value: string) =>
  new AppError("conflict", `${value} is already monitored.`, { value: [`${value} is already monitored.`] });

/**
 * Adds a normalised target to the organisation (the capability is checked again in the query). A value
 * deleted earlier is restored with its history instead of being added twice. The plan's asset cap
 * (lib/plans/plans.ts) holds under the organisation's row lock, so two adds at once cannot pass it.
 */
export async function addAsset(
  ctx: OrgContext<"assets:write">,
  params: { target: AssetTarget; label?: string | null; actorEmail?: string; ip?: string | null },
): Promise<{ id: string; restored: boolean }> {
  const { organizationId, userId } = ctx;
  const { target } = params;
  try {
    return await withOrganizationLock(organizationId, async (tx) => {
      const org = await tx.organization.findFirst({
        where: organizationWhere(ctx, "assets:write"),
        select: { id: true, plan: true },
      });
      if (!org) throw notFound("Organisation");

      const existing = await tx.asset.findUnique({
        where: { organizationId_value: { organizationId, value: target.value } },
        select: { id: true, deletedAt: true },
      });
      if (existing && !existing.deletedAt) throw alreadyMonitored(target.value);
      const limits = PLAN_LIMITS[org.plan];
      const live = await tx.asset.count({ where: { organizationId, deletedAt: null } });
      if (live >= limits.maxAssets) {
        throw new AppError(
          "plan_limit",
          `Your plan (${limits.label}) monitors up to ${limits.maxAssets} assets, and all are in use. Delete one or choose a larger plan.`,
        );
      }
      let result: { id: string; restored: boolean };
      if (existing) {
        const { count } = await tx.asset.updateMany({
          where: { id: existing.id, deletedAt: { not: null }, ...inOrganization(ctx, "assets:write") },
          data: { deletedAt: null, kind: target.kind, ...(params.label !== undefined ? { label: params.label } : {}) },
        });
        // Someone else restored it a moment ago.
        if (count === 0) throw alreadyMonitored(target.value);
        result = { id: existing.id, restored: true };
      } else {
        const asset = await tx.asset.create({
          data: {
            organizationId,
            kind: target.kind,
            value: target.value,
            label: params.label ?? null,
            createdById: userId,
            verificationToken: newVerificationToken(),
          },
          select: { id: true },
        });
        result = { id: asset.id, restored: false };
      }
      await recordAuditEvent(
        {
          action: "asset.added",
          organizationId,
          actorUserId: userId,
          actorEmail: params.actorEmail ?? null,
          ip: params.ip ?? null,
          target: `asset:${result.id}`,
          details: { value: target.value, restored: result.restored },
        },
        tx,
      );
      return result;
    });
  } catch (error) {
    // Two people adding the same value at once: the unique index decides, the loser is told plainly.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw alreadyMonitored(target.value);
    throw error;
  }
}
