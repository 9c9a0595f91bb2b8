import { AppError } from "@/lib/errors";

export type InvitationState = "pending" | "accepted" | "revoked" | "expired";

export function invitationState(
  inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationState {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt.getTime() <= now.getTime()) return "expired";
  return "pending";
}

/** What a person holding a link that no longer works should read. */
export function unusableInvitationError(state: Exclude<InvitationState, "pending">, expiresAt: Date): AppError {
  switch (state) {
    case "accepted":
      return new AppError("gone", "This invitation has already been used. Sign in to reach the organisation.");
    case "revoked":
      return new AppError("gone", "This invitation was withdrawn. Ask the person who invited you for a new one.");
    case "expired":
      return new AppError(
        "gone",
        `This invitation expired on ${expiresAt.toUTCString()}. Ask the person who invited you for a new one.`,
      );
  }
}

export const INVALID_INVITATION_MESSAGE =
  "This invitation link is not valid. Check that you copied the whole link from the email.";
