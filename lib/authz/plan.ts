import { AppError } from "@/lib/errors";
import { TRIAL_ENDED_MESSAGE } from "@/lib/plans/plans";
import type { OrgContext } from "./org-context";

/** True while the organisation may scan and add assets: a paid plan, or a trial that has not ended. */
export function isPlanActive(ctx: Pick<OrgContext, "plan" | "trialEndsAt">, now = new Date()): boolean {
  if (ctx.plan !== "TRIAL") return true;
  return ctx.trialEndsAt !== null && ctx.trialEndsAt.getTime() > now.getTime();
}

export function assertPlanActive(ctx: Pick<OrgContext, "plan" | "trialEndsAt">): void {
  if (!isPlanActive(ctx)) {
    throw new AppError("plan_limit", TRIAL_ENDED_MESSAGE);
  }
}
