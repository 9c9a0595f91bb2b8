import type { Metadata } from "next";
import Link from "next/link";
import { AssetOverviewTable } from "@/components/dashboard/asset-overview-table";
import { GradeCard } from "@/components/dashboard/grade-card";
import { RiskiestFindings } from "@/components/dashboard/riskiest-findings";
import { ServiceCallouts } from "@/components/dashboard/service-callouts";
import { OpenPortsChart } from "@/components/charts/open-ports-chart";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { ServiceComparisonChart } from "@/components/charts/service-comparison-chart";
import { addBlockedReason } from "@/lib/assets/add-blocked-reason";
import { isPlanActive } from "@/lib/authz/plan";
import { can } from "@/lib/authz/org-context";
import { getAssetSummaries } from "@/lib/dashboard/asset-summaries";
import { getOpenPortsTrend } from "@/lib/dashboard/open-ports-trend";
import { getOrgGradeSummary } from "@/lib/dashboard/org-grade-summary";
import { windowStart } from "@/lib/dashboard/org-scope";
import { getRiskiestFindings } from "@/lib/dashboard/riskiest-findings";
import { getOrgScoreTrend } from "@/lib/dashboard/score-trend";
import { getServiceComparison } from "@/lib/dashboard/service-comparison";
import { requireAppOrganization } from "../current-organization";
import { scanAssetAction } from "../assets/actions";

export const metadata: Metadata = { title: "Overview" };

const ASSETS_SHOWN = 10;
const SPARKLINE_DAYS = 30;

function Panel({ children, className = "" }: { children: React.ReactNode; className?: string }) {
  return <section className={`rounded-lg border border-slate-200 bg-white p-4 ${className}`}>{children}</section>;
}

function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mx-auto mt-2 max-w-prose text-sm text-slate-700">{children}</div>
      {action && <div className="mt-4">{action}</div>}
    </section>
  );
}

export default async function DashboardPage() {
  const { user, active } = await requireAppOrganization();
  const ctx = active;
  const now = new Date();
  const [summary, scoreTrend, portsTrend, comparison, risky, assets] = await Promise.all([
    getOrgGradeSummary(ctx, now),
    getOrgScoreTrend(ctx, 365, now),
    getOpenPortsTrend(ctx, 90, now),
    getServiceComparison(ctx),
    getRiskiestFindings(ctx),
    getAssetSummaries(ctx, { limit: ASSETS_SHOWN, trendDays: SPARKLINE_DAYS }, now),
  ]);
  const today = windowStart(1, now).getTime();
  const canScan = can(active, "scans:start");
  const assetCount = summary?.assetCount ?? 0;
  const blocked = addBlockedReason(user.emailVerified, isPlanActive(active));

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
        <p className="mt-1 text-sm text-slate-700">
          Open Ports exposure of {active.name}: {assetCount === 1 ? "1 asset" : `${assetCount} assets`},{" "}
          {summary?.openPorts ?? 0} open {summary?.openPorts === 1 ? "port" : "ports"}.
        </p>
      </div>

      {assetCount === 0 ? (
        <EmptyState
          title="Add your first domain"
          action={
            !canScan ? (
              <p className="text-sm text-slate-700">
                You are a viewer in this organisation: ask an admin or owner to add its domains.
              </p>
            ) : blocked ? (
              <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">
                {blocked}
              </p>
            ) : (
              <Link
                href="/assets"
                className="inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
              >
                Add a domain or IP address
              </Link>
            )
          }
        >
          <p>
            Portwatch scans the domains and IP addresses you add, shows every open port with its typical and detected
            service, and grades the exposure A–F. The first scan starts as soon as you add an asset.
          </p>
        </EmptyState>
      ) : (
        <>
          {summary?.gradedAssetCount === 0 && (
            <p role="status" className="rounded-md border border-blue-200 bg-blue-50 px-4 py-3 text-sm text-blue-950">
              The first scan is under way: the grade, charts and findings appear here when it completes. Its progress is
              shown in the assets table below.
            </p>
          )}
          <div className="grid gap-4 lg:grid-cols-3 [&>*]:min-w-0">
            <GradeCard
              grade={summary?.grade ?? null}
              score={summary?.score ?? null}
              gradedAt={summary?.gradedAt ?? null}
              change7={summary?.change7 ?? null}
              change30={summary?.change30 ?? null}
            />
            <Panel className="lg:col-span-2">
              <ScoreTrendChart points={scoreTrend} today={today} title="Organisation score" />
            </Panel>
          </div>
          <div className="grid gap-4 lg:grid-cols-2 [&>*]:min-w-0">
            <Panel>
              <OpenPortsChart points={portsTrend} today={today} />
            </Panel>
            <Panel>
              <ServiceComparisonChart services={comparison.services} />
              <div className="mt-4 border-t border-slate-100 pt-3">
                <ServiceCallouts comparison={comparison} />
              </div>
            </Panel>
          </div>
          <RiskiestFindings findings={risky} />
          <section aria-labelledby="assets-heading" className="rounded-lg border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="assets-heading" className="text-sm font-medium text-slate-900">
                Assets, worst grade first
              </h2>
              <Link href="/assets" className="text-sm text-blue-800 underline">
                {assetCount > ASSETS_SHOWN ? `All ${assetCount} assets` : "Manage assets"}
              </Link>
            </div>
            <AssetOverviewTable
              assets={assets}
              organizationId={active.organizationId}
              canScan={canScan}
              scanAction={scanAssetAction}
              trendDays={SPARKLINE_DAYS}
            />
          </section>
        </>
      )}
    </div>
  );
}
