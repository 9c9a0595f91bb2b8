import type { Metadata } from "next";
import Link from "next/link";
import { DEFAULT_SIGNED_IN_PATH, safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { getSessionUser } from "@/lib/auth/session";
import { verifyEmail, type VerifyEmailOutcome } from "@/lib/auth/verify-email";
import { tokenQuerySchema } from "@/lib/validation/auth";
import { Notice } from "@/components/ui/notice";
import { ResendVerificationForm } from "@/components/auth/resend-verification-form";

export const metadata: Metadata = { title: "Confirm your email", robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = params.token;
  const nextRaw = Array.isArray(params.next) ? params.next[0] : params.next;
  const next = nextRaw ? safeCallbackUrl(nextRaw) : null;
  const parsed = tokenQuerySchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  // The link is redeemed first, so a signed-in user sees their account as verified right after.
  const outcome: VerifyEmailOutcome | null = parsed.success
    ? await verifyEmail(parsed.data)
    : raw === undefined
      ? null
      : { status: "invalid" };
  const user = await getSessionUser();
  const continueLink = user ? (
    <Link href={next ?? DEFAULT_SIGNED_IN_PATH} className="font-medium underline">
      Continue to Portwatch
    </Link>
  ) : (
    <Link
      href={next ? `/sign-in?callbackUrl=${encodeURIComponent(next)}` : "/sign-in"}
      className="font-medium underline"
    >
      Sign in
    </Link>
  );

  if (!outcome && params.sent === "1" && !user) {
    // Shown after every sign-up, new address or not: the mail says which.
    return (
      <Notice tone="info" title="Check your inbox">
        <p>
          We sent a message to the address you entered. If it is new to Portwatch, the message holds a link to confirm
          it: open it, then sign in. If the address already has an account, the message tells you how to sign in.
        </p>
        <p>{continueLink}</p>
      </Notice>
    );
  }

  if (!outcome) {
    if (user && !user.emailVerified) {
      return (
        <div className="space-y-4">
          <Notice tone="info" title="Check your inbox">
            <p>We sent a link to {user.email}. Open it to confirm your address; it expires after 24 hours.</p>
          </Notice>
          <ResendVerificationForm />
        </div>
      );
    }
    return (
      <Notice tone="info" title={user ? "Your email is confirmed" : "Confirm your email"}>
        <p>{user ? "There is nothing left to do here." : "Open the link from the email we sent you."}</p>
        <p>{continueLink}</p>
      </Notice>
    );
  }

  switch (outcome.status) {
    case "verified":
      return (
        <Notice tone="success" title="Email confirmed">
          <p>Thanks, {outcome.email} is confirmed. You can now add assets and start scans.</p>
          {outcome.firstAsset && (
            <p>{outcome.firstAsset} is your first monitored domain; its first scan has started.</p>
          )}
          <p>{continueLink}</p>
        </Notice>
      );
    case "used":
      if (outcome.alreadyVerified) {
        return (
          <Notice tone="info" title="This link was already used">
            <p>Your email address is already confirmed; there is nothing left to do.</p>
            <p>{continueLink}</p>
          </Notice>
        );
      }
      return (
        <div className="space-y-4">
          <Notice tone="error" title="This link was already used">
            <p>Each link works only once. Ask for a new one below.</p>
          </Notice>
          <ResendVerificationForm token={parsed.data} />
        </div>
      );
    case "expired":
      return (
        <div className="space-y-4">
          <Notice tone="error" title="This link has expired">
            <p>Confirmation links work for 24 hours. We can send you a new one.</p>
          </Notice>
          <ResendVerificationForm token={parsed.data} />
        </div>
      );
    case "invalid":
      return (
        <div className="space-y-4">
          <Notice tone="error" title="This link is not valid">
            <p>Check that you opened the whole link from the email. If it still does not work, ask for a new link.</p>
          </Notice>
          {user && !user.emailVerified ? (
            <ResendVerificationForm />
          ) : (
            <p className="text-sm">{continueLink} to have a new link sent.</p>
          )}
        </div>
      );
  }
}
