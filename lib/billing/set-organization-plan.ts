import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Plan } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/organizations/transaction";
import { trialExpired } from "@/lib/scan-runs/scan-cadence";

export type PlanChangeSource = "cli" | "stripe";

export interface PlanChange {
  from: Plan;
  to: Plan;
  /** Scans were paused (an ended trial) and run again from now: every live asset is due at once. */
  resumed: boolean;
}

/**
 * Sets an organisation's plan inside the caller's transaction (which holds the organisation's row
 * lock: lib/organizations/transaction.ts) and records the change in the audit log. System-level by
 * nature: the operator's `npm run plan` and Stripe's webhook act for no member. When scans were
 * paused (an ended trial) and the new plan scans, every live asset becomes due now, so the monitor's
 * next tick resumes them instead of waiting out their old due times.
 */
export async function setOrganizationPlan(
  tx: Tx,
  organizationId: string,
  plan: Plan,
  options: { source: PlanChangeSource; now: Date; details?: Record<string, string | null> },
): Promise<PlanChange | null> {
  const org = await tx.organization.findUnique({
    where: { id: organizationId },
    select: { plan: true, trialEndsAt: true },
  });
  if (!org) return null;
  if (org.plan === plan) return { from: org.plan, to: plan, resumed: false };
  const wasPaused = trialExpired(org, options.now);
  await tx.organization.update({ where: { id: organizationId }, data: { plan } });
  const resumed = wasPaused && !trialExpired({ plan, trialEndsAt: org.trialEndsAt }, options.now);
  if (resumed) {
    await tx.asset.updateMany({ where: { organizationId, deletedAt: null }, data: { nextScanAt: options.now } });
  }
  await recordAuditEvent(
    {
      action: "billing.plan_changed",
      organizationId,
      target: `organization:${organizationId}`,
      details: { from: org.plan, to: plan, source: options.source, ...options.details },
      now: options.now,
    },
    tx,
  );
  return { from: org.plan, to: plan, resumed };
}
