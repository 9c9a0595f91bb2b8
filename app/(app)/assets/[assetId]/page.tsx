import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ExposureTimeline } from "@/components/asset-page/exposure-timeline";
import { HostTable } from "@/components/asset-page/host-table";
import { OpenPortsTable } from "@/components/asset-page/open-ports-table";
import { ScanHistory } from "@/components/asset-page/scan-history";
import { ScoreBreakdown } from "@/components/asset-page/score-breakdown";
import { ScanNowButton } from "@/components/assets/scan-now-button";
import { ScoreTrendChart } from "@/components/charts/score-trend-chart";
import { GradeBadge } from "@/components/grades/grade-badge";
import { gradeMeaning } from "@/components/grades/grade-style";
import { LocalTime } from "@/components/ui/local-time";
import { getAssetHeader } from "@/lib/asset-page/asset-header";
import { listAssetHosts } from "@/lib/asset-page/asset-hosts";
import { listExposureTimeline } from "@/lib/asset-page/exposure-timeline";
import { listOpenPorts } from "@/lib/asset-page/open-ports";
import { listScanHistory } from "@/lib/asset-page/scan-history";
import { getAssetScoreHistory } from "@/lib/asset-page/asset-score-history";
import { can } from "@/lib/authz/org-context";
import { windowStart } from "@/lib/dashboard/org-scope";
import { servicesDiffer } from "@/lib/findings/service-mismatch";
import { requireAppOrganization } from "../../current-organization";
import { scanAssetAction } from "../actions";

type Params = { params: Promise<{ assetId: string }> };
type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Deductions listed before "Show all", and exposure changes before "Show older changes". */
const BREAKDOWN_SHOWN = 10;
const CHANGES_SHOWN = 20;
const CHANGES_ALL = 1_000;

/** The metadata and the page read the asset once per request. */
const assetHeader = cache(getAssetHeader);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { active } = await requireAppOrganization();
  const asset = await assetHeader(active, (await params).assetId);
  return { title: asset?.value ?? "Asset not found" };
}

function Section({
  id,
  title,
  children,
  action,
}: {
  id: string;
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

export default async function AssetPage({ params, searchParams }: Params & SearchParams) {
  const { active } = await requireAppOrganization();
  const ctx = active;
  const asset = await assetHeader(ctx, (await params).assetId);
  if (!asset) notFound();
  const query = await searchParams;
  const allDeductions = query.breakdown === "all";
  const allChanges = query.changes === "all";
  const pageHref = (extra: Record<string, string>) =>
    `/assets/${asset.id}?${new URLSearchParams({ ...(allDeductions ? { breakdown: "all" } : {}), ...(allChanges ? { changes: "all" } : {}), ...extra })}`;
  const now = new Date();
  const [hosts, ports, changes, scans, history] = await Promise.all([
    listAssetHosts(ctx, asset),
    listOpenPorts(ctx, asset.id, asset.breakdown?.findings ?? []),
    listExposureTimeline(ctx, asset.id, allChanges ? CHANGES_ALL : CHANGES_SHOWN + 1),
    listScanHistory(ctx, asset.id),
    getAssetScoreHistory(ctx, asset.id, 365, now),
  ]);
  const timeline = allChanges ? changes : changes.slice(0, CHANGES_SHOWN);
  const canScan = can(active, "scans:start");
  const mismatches = ports.filter((p) => servicesDiffer(p.typicalService, p.detectedService)).length;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-700">
        <Link href="/assets" className="underline">
          Assets
        </Link>{" "}
        / <span className="font-mono">{asset.value}</span>
      </nav>
      <header className="flex flex-wrap items-start gap-4">
        <GradeBadge grade={asset.grade} score={asset.score} size="lg" />
        <div className="min-w-0 flex-1">
          <h1 className="font-mono text-2xl font-semibold tracking-tight break-all">{asset.value}</h1>
          <p className="mt-1 text-sm text-slate-700">
            {asset.kind === "IP" ? "IP address" : "Domain"}
            {asset.label && <> · {asset.label}</>} ·{" "}
            {asset.grade ? (
              <>
                Score <strong>{asset.score}</strong>/100: {gradeMeaning(asset.grade)}
              </>
            ) : (
              "Not graded yet: the grade appears when the first scan completes."
            )}
          </p>
          <p className="mt-1 text-xs text-slate-700">
            Last scan: {asset.lastScanAt ? <LocalTime value={asset.lastScanAt} /> : "never"}
            {asset.nextScanAt && (
              <>
                {" "}
                · next scheduled: <LocalTime value={asset.nextScanAt} />
              </>
            )}
          </p>
        </div>
        {canScan && (
          <ScanNowButton
            organizationId={active.organizationId}
            assetId={asset.id}
            value={asset.value}
            action={scanAssetAction}
          />
        )}
      </header>

      <Section id="ports-heading" title={`Open ports (${ports.length})`}>
        {mismatches > 0 && (
          <p className="mb-2 text-sm text-slate-700">
            {mismatches} {mismatches === 1 ? "port runs" : "ports run"} a service other than the one registered for it
            (marked “≠ typical”).
          </p>
        )}
        <OpenPortsTable ports={ports} />
      </Section>

      <Section id="breakdown-heading" title="Score breakdown">
        {asset.breakdown ? (
          <ScoreBreakdown
            breakdown={asset.breakdown}
            shown={allDeductions ? Infinity : BREAKDOWN_SHOWN}
            showAllHref={`${pageHref({ breakdown: "all" })}#breakdown-heading`}
          />
        ) : (
          <p className="text-sm text-slate-700">Not graded yet.</p>
        )}
      </Section>

      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Section id="history-heading" title="Grade history">
          <ScoreTrendChart points={history} today={windowStart(1, now).getTime()} title="Asset score" />
        </Section>
        <Section id="hosts-heading" title={`Hosts (${hosts.length})`}>
          <HostTable hosts={hosts} />
        </Section>
      </div>

      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Section id="scans-heading" title="Scan history">
          <ScanHistory runs={scans} organizationId={active.organizationId} />
        </Section>
        <Section id="timeline-heading" title="Exposure changes">
          <ExposureTimeline
            entries={timeline}
            moreHref={changes.length > timeline.length ? `${pageHref({ changes: "all" })}#timeline-heading` : undefined}
          />
        </Section>
      </div>
    </div>
  );
}
