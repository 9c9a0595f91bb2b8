import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Plan } from "@/lib/generated/prisma/enums";
import { withOrganizationLock } from "@/lib/organizations/transaction";
import { PLAN_LIMITS } from "@/lib/plans/plans";
import { setOrganizationPlan, type PlanChange } from "./set-organization-plan";

const PLANS = Object.values(Plan);

/**
 * `npm run plan -- --org <id> --plan <PLAN>` for installs without Stripe: the operator sets the plan.
 * An unknown organisation or plan is refused with what would have been accepted; nothing changes.
 */
export async function setPlanFromCli(
  organizationId: string,
  planName: string,
  now = new Date(),
): Promise<PlanChange & { organizationName: string }> {
  const plan = planName.trim().toUpperCase();
  if (!(PLANS as string[]).includes(plan)) {
    throw new AppError("invalid_input", `Unknown plan "${planName}". Choose one of: ${PLANS.join(", ")}.`);
  }
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true } });
  if (!org) throw new AppError("not_found", `No organisation has the id "${organizationId}".`);
  const change = await withOrganizationLock(org.id, (tx) =>
    setOrganizationPlan(tx, org.id, plan as Plan, { source: "cli", now }),
  );
  if (!change) throw new AppError("not_found", `No organisation has the id "${organizationId}".`);
  return { ...change, organizationName: org.name };
}

/** The line the command prints after a change. */
export function describePlanChange(change: PlanChange & { organizationName: string }): string {
  const label = PLAN_LIMITS[change.to].label;
  if (change.from === change.to) return `${change.organizationName} is already on the ${label} plan; nothing changed.`;
  const resumed = change.resumed
    ? " Scans resume: every asset is due now and the monitor queues them on its next tick."
    : "";
  return `${change.organizationName}: ${PLAN_LIMITS[change.from].label} → ${label}.${resumed}`;
}
