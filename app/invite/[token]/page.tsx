import Link from "next/link";
import type { Metadata } from "next";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getSessionUser } from "@/lib/auth/session";
import { findInvitationByToken } from "@/lib/invitations/find-invitation";
import { INVALID_INVITATION_MESSAGE, unusableInvitationError } from "@/lib/invitations/invitation-state";
import { acceptInvitationAction } from "./actions";

// The token is in the URL: keep it out of search engines and out of Referer headers.
export const metadata: Metadata = {
  title: "Invitation",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-20">
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        <div className="mt-4 space-y-4 text-sm text-slate-700">{children}</div>
      </div>
    </main>
  );
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findInvitationByToken(token);
  if (!invitation) {
    return (
      <Card title="Invitation not found">
        <p>{INVALID_INVITATION_MESSAGE}</p>
      </Card>
    );
  }
  if (invitation.state !== "pending") {
    return (
      <Card title="This invitation cannot be used">
        <p>{unusableInvitationError(invitation.state, invitation.expiresAt).message}</p>
        <p>
          <Link href="/sign-in" className="underline">
            Sign in
          </Link>
        </p>
      </Card>
    );
  }

  const here = `/invite/${encodeURIComponent(token)}`;
  const intro = (
    <p>
      {invitation.invitedBy ? `${invitation.invitedBy} invited` : "You are invited"} <strong>{invitation.email}</strong>{" "}
      to join <strong>{invitation.organizationName}</strong> on Portwatch as {invitation.role.toLowerCase()}.
    </p>
  );
  const user = await getSessionUser();
  if (!user) {
    const query = new URLSearchParams({ callbackUrl: here, email: invitation.email }).toString();
    return (
      <Card title={`Join ${invitation.organizationName}`}>
        {intro}
        <p>
          Sign in with {invitation.email} to accept. New to Portwatch? Create an account with that address and you come
          straight back here.
        </p>
        <div className="flex gap-3">
          <Link href={`/sign-in?${query}`} className="rounded-md bg-slate-900 px-4 py-2 text-white hover:bg-slate-700">
            Sign in
          </Link>
          <Link href={`/sign-up?${query}`} className="rounded-md border border-slate-300 px-4 py-2 hover:bg-slate-50">
            Create an account
          </Link>
        </div>
      </Card>
    );
  }
  if (user.email.toLowerCase() !== invitation.email) {
    return (
      <Card title={`Join ${invitation.organizationName}`}>
        {intro}
        <p>
          You are signed in as <strong>{user.email}</strong>. Sign out, then sign in (or create an account) with{" "}
          {invitation.email} and open this link again.
        </p>
        <SignOutButton />
      </Card>
    );
  }
  return (
    <Card title={`Join ${invitation.organizationName}`}>
      {intro}
      <AcceptInvitationForm
        token={token}
        organizationName={invitation.organizationName}
        action={acceptInvitationAction}
      />
    </Card>
  );
}
