import Link from "next/link";
import { NavLinks } from "@/components/app-shell/nav-links";
import { OrgSwitcher } from "@/components/app-shell/org-switcher";
import { TrialBanner } from "@/components/app-shell/trial-banner";
import { UserMenu } from "@/components/app-shell/user-menu";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { EmailVerificationBanner } from "@/components/auth/email-verification-banner";
import { switchOrganizationAction } from "./actions";
import { getAppContext } from "./current-organization";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const { user, organizations, active } = await getAppContext();
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/dashboard" className="font-semibold tracking-tight">
            Portwatch
          </Link>
          <OrgSwitcher
            organizations={organizations.map((o) => ({ id: o.organizationId, name: o.name }))}
            activeId={active?.organizationId ?? null}
            switchAction={switchOrganizationAction}
          />
          <NavLinks />
          <div className="ml-auto">
            <UserMenu email={user.email} name={user.name} signOut={<SignOutButton />} />
          </div>
        </div>
      </header>
      <EmailVerificationBanner user={user} />
      {active && <TrialBanner plan={active.plan} trialEndsAt={active.trialEndsAt} />}
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
