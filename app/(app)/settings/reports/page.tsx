import type { Metadata } from "next";
import Link from "next/link";
import { ReportSettingsForm } from "@/components/reports/report-settings-form";
import { SendReportNowForm } from "@/components/reports/send-report-now-form";
import { DeliveriesTable } from "@/components/reports/deliveries-table";
import { can } from "@/lib/authz/org-context";
import { listRecentDeliveries } from "@/lib/reports/recent-deliveries";
import { getReportSettings } from "@/lib/reports/report-settings";
import { requireAppOrganization } from "../../current-organization";
import { sendReportNowAction, updateReportSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Reports" };

function when(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone }).format(date);
}

export default async function ReportSettingsPage() {
  const { active } = await requireAppOrganization();
  if (!can(active, "reports:manage")) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold tracking-tight">Reports</h1>
        <p className="text-sm text-slate-700">
          Owners and admins choose when the report is sent and to whom. Whether you receive it, and which alerts, is
          yours to choose on{" "}
          <Link href="/settings/alerts" className="underline">
            your mail settings
          </Link>
          .
        </p>
      </div>
    );
  }
  const [settings, deliveries] = await Promise.all([getReportSettings(active), listRecentDeliveries(active)]);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Reports</h1>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Scheduled report</h2>
        <p className="max-w-prose text-sm text-slate-700">
          The report gives the grade and score with the change since the previous report, the score trend, open ports by
          severity, the ports opened, closed and changed in the period, the riskiest findings with their remediation and
          every asset&rsquo;s grade, with the same report attached as a PDF.{" "}
          {settings.nextSendAt
            ? `Next: ${when(settings.nextSendAt, settings.timeZone)} (${settings.timeZone}).`
            : "Scheduled reports are off."}
        </p>
        <p className="text-sm text-slate-700">
          Members receiving it:{" "}
          {settings.memberRecipients.length > 0 ? settings.memberRecipients.join(", ") : "none yet"}. Each member
          chooses on{" "}
          <Link href="/settings/alerts" className="underline">
            their mail settings
          </Link>
          .
        </p>
        <ReportSettingsForm
          action={updateReportSettingsAction}
          organizationId={active.organizationId}
          initial={settings}
          timeZones={Intl.supportedValuesOf("timeZone")}
        />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Send it now</h2>
        <p className="text-sm text-slate-700">The report of the last period, to every recipient, at once.</p>
        <SendReportNowForm action={sendReportNowAction} organizationId={active.organizationId} />
      </section>
      <section className="space-y-3">
        <h2 className="text-lg font-medium">Recent mail</h2>
        <DeliveriesTable deliveries={deliveries} />
      </section>
    </div>
  );
}
