import type { Plan, Role } from "@/lib/generated/prisma/enums";
import { roleCan, rolesWith, type Capability, type MemberCapability } from "./capabilities";

declare const granted: unique symbol;

/** What a membership check reads; lib/authz/membership.ts turns it into a context. */
export type OrgContextFields = Omit<OrgContext<never>, typeof granted>;

/**
 * A person acting inside an organisation, as proven by a membership check (lib/authz/membership.ts is
 * the only place that makes one; ESLint refuses `as OrgContext` anywhere else). `C` lists the capabilities that check established: a function typed
 * `(ctx: OrgContext<"assets:write">)` cannot be called with a context that was not checked for it, so
 * "is this safe to call from a new route?" is answered by the type checker.
 */
export interface OrgContext<C extends Capability = MemberCapability> {
  readonly organizationId: string;
  readonly userId: string;
  readonly role: Role;
  readonly plan: Plan;
  readonly trialEndsAt: Date | null;
  /** Type-only marker: no object literal outside this module can carry it. */
  readonly [granted]: { readonly [K in C]: true };
}

/** Whether the member's role holds `capability`; narrows the context so it can be passed on. */
export function can<Ctx extends OrgContext, C extends Capability>(ctx: Ctx, capability: C): ctx is Ctx & OrgContext<C> {
  return roleCan(ctx.role, capability);
}

/**
 * Prisma `where` fragments that repeat the check inside the query, so a role changed since the
 * context was made (or a stale page) cannot act: `organizationWhere` for the Organization row,
 * `inOrganization` for rows that belong to one (assets, invitations, memberships, scan runs).
 */
export function organizationWhere<C extends Capability>(ctx: OrgContext<C>, capability: C) {
  return { id: ctx.organizationId, memberships: { some: { userId: ctx.userId, role: { in: rolesWith(capability) } } } };
}

export function inOrganization<C extends Capability>(ctx: OrgContext<C>, capability: C) {
  return {
    organizationId: ctx.organizationId,
    organization: { memberships: { some: { userId: ctx.userId, role: { in: rolesWith(capability) } } } },
  };
}
