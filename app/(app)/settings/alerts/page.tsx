import type { Metadata } from "next";
import { MemberMailSettingsForm } from "@/components/reports/member-mail-settings-form";
import { getMemberMailSettings } from "@/lib/alerts/member-mail-settings";
import { requireAppOrganization } from "../../current-organization";
import { updateMemberMailSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Alerts and reports" };

export default async function AlertSettingsPage() {
  const { active } = await requireAppOrganization();
  const settings = await getMemberMailSettings(active);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Alerts and reports</h1>
      <p className="max-w-prose text-sm text-slate-700">
        Your own mail from {active.name}. Alerts come from the scans: a newly opened port, a changed service on a
        critical port, an expired or expiring TLS certificate, a grade drop. Several changes of one scan arrive as one
        mail.
      </p>
      <MemberMailSettingsForm
        action={updateMemberMailSettingsAction}
        organizationId={active.organizationId}
        initial={settings}
      />
    </div>
  );
}
