import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, notFound } from "@/lib/errors";
import { inOrganization, organizationWhere, type OrgContext } from "@/lib/authz/org-context";
import type { AssetTarget } from "./target-types";

export const alreadyMonitored = (value: string) =>
  new AppError("conflict", `${value} is already monitored.`, { value: [`${value} is already monitored.`] });

/**
 * Adds a normalised target to the organisation (the capability is checked again in the query). A value
 * deleted earlier is restored with its history instead of being added twice.
 */
export async function addAsset(
  ctx: OrgContext<"assets:write">,
  params: { target: AssetTarget; label?: string | null },
): Promise<{ id: string; restored: boolean }> {
  const { organizationId, userId } = ctx;
  const { target } = params;
  const org = await db.organization.findFirst({
    where: organizationWhere(ctx, "assets:write"),
    select: { id: true },
  });
  if (!org) throw notFound("Organisation");

  const existing = await db.asset.findUnique({
    where: { organizationId_value: { organizationId, value: target.value } },
    select: { id: true, deletedAt: true },
  });
  if (existing && !existing.deletedAt) throw alreadyMonitored(target.value);
  if (existing) {
    const { count } = await db.asset.updateMany({
      where: { id: existing.id, deletedAt: { not: null }, ...inOrganization(ctx, "assets:write") },
      data: { deletedAt: null, kind: target.kind, ...(params.label !== undefined ? { label: params.label } : {}) },
    });
    // Someone else restored it a moment ago.
    if (count === 0) throw alreadyMonitored(target.value);
    return { id: existing.id, restored: true };
  }
  try {
    const asset = await db.asset.create({
      data: { organizationId, kind: target.kind, value: target.value, label: params.label ?? null, createdById: userId },
      select: { id: true },
    });
    return { id: asset.id, restored: false };
  } catch (error) {
    // Two people adding the same value at once: the unique index decides, the loser is told plainly.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyMonitored(target.value);
    throw error;
  }
}
