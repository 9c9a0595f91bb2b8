import { AppError, unauthenticated } from "@/lib/errors";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import type { Capability, MemberCapability } from "./capabilities";
import { requireMembership } from "./membership";
import type { OrgContext } from "./org-context";
import { assertPlanActive } from "./plan";

export interface AuthorizeOptions<C extends Capability> {
  capability: C;
  /** Refuse once a trial has ended (scanning, adding assets); reading stays open. */
  requireActivePlan?: boolean;
}

export type AuthorizedContext<C extends Capability> = OrgContext<C | MemberCapability> & { user: SessionUser };

/**
 * The one sequence behind the action wrapper and withOrg: session → membership with the capability
 * (checked in the query) → active plan. `pickOrganization` names the organisation once the user is
 * known (a route's orgId, an action's input or the user's active organisation).
 */
export async function authorize<C extends Capability>(
  pickOrganization: (user: SessionUser) => string | null | undefined,
  options: AuthorizeOptions<C>,
): Promise<AuthorizedContext<C>> {
  const user = await getSessionUser();
  if (!user) throw unauthenticated();
  const organizationId = pickOrganization(user);
  if (!organizationId) throw new AppError("not_found", "Choose an organisation first.");
  const ctx = await requireMembership(user.id, organizationId, options.capability);
  if (options.requireActivePlan) assertPlanActive(ctx);
  return Object.assign(ctx, { user });
}
