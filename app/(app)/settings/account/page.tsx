import type { Metadata } from "next";
import { SignOutEverywhereForm } from "@/components/account/sign-out-everywhere-form";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/lib/auth/session-lifetime";
import { getAppContext } from "../../current-organization";
import { signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountSettingsPage() {
  const { user } = await getAppContext();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
      <section className="space-y-1">
        <h2 className="text-lg font-medium">Signed in as</h2>
        <p className="text-sm text-slate-700">
          {user.name ? `${user.name} — ` : ""}
          {user.email}
        </p>
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Sessions</h2>
        <p className="max-w-prose text-sm text-slate-700">
          A session ends when you sign out, after {SESSION_IDLE_SECONDS / 3600} hours without activity, and{" "}
          {SESSION_ABSOLUTE_SECONDS / 86_400} days after signing in. If you signed in on a device you no longer use, or
          think someone else has your session, sign out everywhere: every browser signed in to this account, this one
          included, has to sign in again.
        </p>
        <SignOutEverywhereForm action={signOutEverywhereAction} />
      </section>
    </div>
  );
}
