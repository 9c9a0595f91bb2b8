import { AppError } from "@/lib/errors";
import type { OrgContext } from "./org-context";

/** True while the organisation may scan and add assets: a paid plan, or a trial that has not ended. */
export function isPlanActive(ctx: Pick<OrgContext, "plan" | "trialEndsAt">, now = new Date()): boolean {
  if (ctx.plan !== "TRIAL") return true;
  return ctx.trialEndsAt !== null && ctx.trialEndsAt.getTime() > now.getTime();
}

export function assertPlanActive(ctx: Pick<OrgContext, "plan" | "trialEndsAt">): void {
  if (!isPlanActive(ctx)) {
    throw new AppError("plan_limit", "Your free trial has ended. Choose a plan to keep scanning; your data is kept.");
  }
}
