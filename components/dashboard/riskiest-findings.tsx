import Link from "next/link";
import { AssetLink } from "@/components/assets/asset-link";
import { formatPoints } from "@/components/findings/format-points";
import { SeverityBadge } from "@/components/findings/severity-badge";
import { DetectedService, TypicalService } from "@/components/findings/service-cells";
import type { RiskyFinding } from "@/lib/dashboard/riskiest-findings";
import { remediationFor } from "@/lib/remediation";

/** The worst open findings across the organisation, each with what it means and how to fix it. */
export function RiskiestFindings({ findings }: { findings: RiskyFinding[] }) {
  return (
    <section aria-labelledby="riskiest-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="riskiest-heading" className="text-sm font-medium text-slate-900">
        Riskiest findings
      </h2>
      {findings.length === 0 ? (
        <p className="mt-3 text-sm text-slate-700">Nothing that costs points is open right now.</p>
      ) : (
        <ol className="mt-3 divide-y divide-slate-100">
          {findings.map((f) => {
            const remediation = remediationFor(f.ruleId, f);
            return (
              <li key={`${f.assetId}|${f.ip}|${f.port}/${f.protocol}`} className="py-3">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <SeverityBadge severity={f.severity} />
                  <span className="font-mono font-medium">
                    {f.port}/{f.protocol}
                  </span>
                  <span className="text-slate-700">on</span>
                  <AssetLink id={f.assetId} value={f.assetValue} />
                  <span className="font-mono text-slate-700">({f.ip})</span>
                  <span className="ml-auto text-xs text-slate-700 tabular-nums">
                    −{formatPoints(f.contribution)} points
                  </span>
                </div>
                <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-700">
                  <dt>Typical</dt>
                  <dd>
                    <TypicalService typical={f.typicalService} pending={f.pendingClassification} />
                  </dd>
                  <dt>Detected</dt>
                  <dd>
                    <DetectedService
                      typical={f.typicalService}
                      detected={f.detectedService}
                      product={f.product}
                      version={f.version}
                    />
                  </dd>
                </dl>
                <p className="mt-2 text-sm text-slate-800">
                  <span className="font-medium">{remediation.title}.</span> {remediation.meaning}
                </p>
                <p className="mt-1 text-sm text-slate-800">
                  <span className="font-medium">First step:</span> {remediation.fix[0]?.replaceAll("`", "")}
                </p>
                <Link
                  href={`/assets/${encodeURIComponent(f.assetId)}#port-${f.ip}-${f.port}-${f.protocol}`}
                  className="mt-1 inline-block text-sm text-blue-800 underline"
                  aria-label={`Evidence and every remediation step for ${f.port}/${f.protocol} on ${f.assetValue}`}
                >
                  Evidence and every step
                </Link>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
