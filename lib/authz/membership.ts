import { db, type Prisma } from "@/lib/db/client";
import { EMAIL_NOT_VERIFIED_MESSAGE } from "@/lib/auth/assert-email-verified";
import { AppError, notFound } from "@/lib/errors";
import { leastRoleWith, rolesWith, type Capability, type MemberCapability } from "./capabilities";
import type { OrgContext, OrgContextFields } from "./org-context";

type Client = typeof db | Prisma.TransactionClient;

/** The only place a context is minted: from a membership row just read. */
function grant<C extends Capability>(fields: OrgContextFields): OrgContext<C | MemberCapability> {
  return fields as OrgContext<C | MemberCapability>;
}

/**
 * The membership check: `userId`'s membership of `organizationId` with a role holding `capability`,
 * checked inside the query. Not a member at all → "not found" (an organisation id of someone else
 * reveals nothing); a member whose role lacks it → "forbidden".
 */
export function requireMembership<C extends Capability>(userId: string, organizationId: string, capability: C) {
  return checkMembership(db, userId, organizationId, capability, false);
}

/**
 * Repeats the check for a context inside the caller's transaction (after withOrganizationLock took
 * the row lock), returning the member as they are now: a role changed meanwhile counts, not the one
 * the context was made with. `verifiedEmail`: the actor's address must be confirmed too (inviting,
 * changing or removing members), so whoever signs up with someone else's address cannot hand out
 * access before the owner of the inbox takes the account back.
 */
export function recheckMembership<C extends Capability>(
  tx: Prisma.TransactionClient,
  ctx: OrgContext<C>,
  capability: C,
  options: { verifiedEmail?: boolean } = {},
) {
  return checkMembership(tx, ctx.userId, ctx.organizationId, capability, options.verifiedEmail ?? false);
}

async function checkMembership<C extends Capability>(
  client: Client,
  userId: string,
  organizationId: string,
  capability: C,
  verifiedEmail: boolean,
): Promise<OrgContext<C | MemberCapability> & { membershipId: string }> {
  const membership = await client.membership.findFirst({
    where: { userId, organizationId, role: { in: rolesWith(capability) } },
    select: {
      id: true,
      role: true,
      user: { select: { emailVerifiedAt: true } },
      organization: { select: { id: true, plan: true, trialEndsAt: true } },
    },
  });
  if (membership) {
    const { id, role, user, organization } = membership;
    if (verifiedEmail && user.emailVerifiedAt === null) throw new AppError("forbidden", EMAIL_NOT_VERIFIED_MESSAGE);
    const ctx = grant<C>({
      organizationId: organization.id,
      userId,
      role,
      plan: organization.plan,
      trialEndsAt: organization.trialEndsAt,
    });
    return Object.assign(ctx, { membershipId: id });
  }
  const anyRole = await client.membership.findFirst({ where: { userId, organizationId }, select: { role: true } });
  if (anyRole)
    throw new AppError(
      "forbidden",
      `This needs the ${leastRoleWith(capability).toLowerCase()} role; you are ${anyRole.role.toLowerCase()}.`,
    );
  throw notFound("Organisation");
}

export interface MyOrganization extends OrgContext {
  name: string;
}

/** Every organisation the user belongs to, alphabetically, each as a context for its membership. */
export async function listMyOrganizations(userId: string): Promise<MyOrganization[]> {
  const memberships = await db.membership.findMany({
    where: { userId },
    select: { role: true, organization: { select: { id: true, name: true, plan: true, trialEndsAt: true } } },
    orderBy: [{ organization: { name: "asc" } }, { createdAt: "asc" }],
  });
  return memberships.map(({ role, organization: o }) =>
    Object.assign(
      grant<MemberCapability>({ organizationId: o.id, userId, role, plan: o.plan, trialEndsAt: o.trialEndsAt }),
      { name: o.name },
    ),
  );
}
