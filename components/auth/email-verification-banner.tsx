import type { SessionUser } from "@/lib/auth/types";
import { ResendVerificationForm } from "./resend-verification-form";

/**
 * For the signed-in layout: reminds an unverified user to confirm their address (adding assets and
 * scanning wait for it) and offers a new link. Renders nothing once the address is confirmed.
 */
export function EmailVerificationBanner({ user }: { user: Pick<SessionUser, "email" | "emailVerified"> }) {
  if (user.emailVerified) return null;
  return (
    <div
      role="region"
      aria-label="Email confirmation"
      className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2">
        <p>
          Confirm your email address <strong>{user.email}</strong> to add assets and start scans: open the link we sent
          you.
        </p>
        <ResendVerificationForm compact />
      </div>
    </div>
  );
}
