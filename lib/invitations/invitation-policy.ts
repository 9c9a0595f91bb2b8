import type { Role } from "@/lib/generated/prisma/enums";
import { can, type OrgContext } from "@/lib/authz/org-context";
import { AppError, forbidden } from "@/lib/errors";
import type { Tx } from "@/lib/organizations/transaction";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Inviting (or withdrawing the invitation of) an owner needs `owners:manage`; other roles do not. */
export function assertMayGrantRole(actor: OrgContext, role: Role): void {
  if (role === "OWNER" && !can(actor, "owners:manage")) throw forbidden("Only an owner can invite another owner.");
}

const HOUR_MS = 60 * 60 * 1000;

/**
 * Invitation mails go to addresses nobody has confirmed yet, so they are capped: per organisation (a
 * team onboarding at once) and per inviting user (across all their organisations), per hour and per day.
 */
export const INVITATION_QUOTAS = {
  perOrganization: [
    { limit: 20, windowMs: HOUR_MS, window: "hour" },
    { limit: 100, windowMs: 24 * HOUR_MS, window: "day" },
  ],
  perUser: [
    { limit: 10, windowMs: HOUR_MS, window: "hour" },
    { limit: 50, windowMs: 24 * HOUR_MS, window: "day" },
  ],
} as const;

/** Throws rate_limited once the organisation or the inviting user has used a quota. Call under the organisation lock. */
export async function assertWithinInvitationQuota(
  tx: Tx,
  params: { organizationId: string; userId: string; now: Date },
): Promise<void> {
  for (const rule of INVITATION_QUOTAS.perOrganization) {
    const sent = await tx.invitation.count({
      where: {
        organizationId: params.organizationId,
        createdAt: { gt: new Date(params.now.getTime() - rule.windowMs) },
      },
    });
    if (sent >= rule.limit) {
      throw new AppError(
        "rate_limited",
        `This organisation has sent ${rule.limit} invitations in the last ${rule.window}, the most allowed. Try again later.`,
      );
    }
  }
  for (const rule of INVITATION_QUOTAS.perUser) {
    const sent = await tx.invitation.count({
      where: { invitedById: params.userId, createdAt: { gt: new Date(params.now.getTime() - rule.windowMs) } },
    });
    if (sent >= rule.limit) {
      throw new AppError(
        "rate_limited",
        `You have sent ${rule.limit} invitations in the last ${rule.window}, the most allowed. Try again later.`,
      );
    }
  }
}
