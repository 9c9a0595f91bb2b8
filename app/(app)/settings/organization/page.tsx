import Link from "next/link";
import type { Metadata } from "next";
import { OrganizationNameForm } from "@/components/organizations/organization-name-form";
import { can } from "@/lib/authz/org-context";
import { isPlanActive } from "@/lib/authz/plan";
import { trialDaysLeft } from "@/lib/organizations/trial";
import { requireAppOrganization } from "../../current-organization";
import { renameOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "Organisation settings" };

function planText(plan: string, trialEndsAt: Date | null): string {
  if (plan !== "TRIAL") return `${plan.charAt(0)}${plan.slice(1).toLowerCase()} plan`;
  if (!isPlanActive({ plan, trialEndsAt })) return "Free trial — ended";
  return `Free trial — ${trialDaysLeft(trialEndsAt!)} days left`;
}

export default async function OrganizationSettingsPage() {
  const { active } = await requireAppOrganization();
  const isOwner = can(active, "organization:manage");
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Organisation settings</h1>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Name</h2>
        {isOwner ? (
          <OrganizationNameForm
            action={renameOrganizationAction}
            initialName={active.name}
            organizationId={active.organizationId}
            submitLabel="Rename"
          />
        ) : (
          <p className="text-sm text-slate-700">
            {active.name} <span className="text-slate-500">— only owners can rename the organisation.</span>
          </p>
        )}
      </section>
      <section className="space-y-1">
        <h2 className="text-lg font-medium">Plan</h2>
        <p className="text-sm text-slate-700">
          {planText(active.plan, active.trialEndsAt)}.{" "}
          <Link href="/settings/billing" className="underline">
            Plan, limits and billing
          </Link>
        </p>
      </section>
      <section className="space-y-1">
        <h2 className="text-lg font-medium">Your role</h2>
        <p className="text-sm text-slate-700">
          You are {active.role.toLowerCase()} of {active.name}. Manage people on the{" "}
          <Link href="/settings/members" className="underline">
            Members
          </Link>{" "}
          page, or{" "}
          <Link href="/organizations/new" className="underline">
            create another organisation
          </Link>
          .
        </p>
      </section>
      {can(active, "audit:read") && (
        <section className="space-y-1">
          <h2 className="text-lg font-medium">Security</h2>
          <p className="text-sm text-slate-700">
            The{" "}
            <Link href="/settings/audit-log" className="underline">
              audit log
            </Link>{" "}
            lists sign-ins, role changes, invitations, asset changes and proof of ownership for the last year.
          </p>
        </section>
      )}
    </div>
  );
}
