import { AppError } from "@/lib/errors";
import type { SessionUser } from "./types";

export const EMAIL_NOT_VERIFIED_MESSAGE =
  "Confirm your email address first: open the link we sent you, or send a new one from the banner at the top of the page.";

/**
 * Unverified users may sign in, look around and manage their account and organisation, but may not
 * invite people or change memberships (lib/authz/membership.ts, recheckMembership, checks that inside the
 * transaction), add assets or start scans (that would let anyone point the scanner at targets from a throwaway
 * address). Call this in every action or route that adds assets or starts scans.
 */
export function assertEmailVerified(user: Pick<SessionUser, "emailVerified">): void {
  if (!user.emailVerified) throw new AppError("forbidden", EMAIL_NOT_VERIFIED_MESSAGE);
}
