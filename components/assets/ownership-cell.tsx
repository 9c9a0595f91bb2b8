import type { ActionResult, ActionState } from "@/lib/actions/result";
import { verificationInstructions } from "@/lib/asset-verification/proof";
import type { AssetRow } from "@/lib/assets/asset-row";
import { STANDARD_SCAN } from "@/lib/plans/plans";
import { formatDateTime } from "./format";
import { VerifyNowButton } from "./verify-now-button";

type Action = (prev: ActionState, input: FormData) => Promise<ActionResult>;

/** What an unverified asset's scan covers: said once above the table and on each badge's hover, not in every row. */
export function standardScanSummary(): string {
  return `the top ${STANDARD_SCAN.ports.replace("top-", "")} TCP ports, at most daily, with ${STANDARD_SCAN.onDemandScansPerAssetPerDay} on-demand scans a day. Verify an asset to scan every port and UDP.`;
}

const METHOD_LABEL: Record<string, string> = {
  "dns-txt": "DNS TXT record",
  "http-file": "verification file",
  "verified-domain": "verified domain",
};

/**
 * Whether the organisation has proven it owns the asset, and for admins and owners how to prove it: the
 * TXT record or the file with this asset's secret, and a "Verify now" button. Viewers see the status only.
 */
export function OwnershipCell({
  asset,
  token,
  organizationId,
  verifyAction,
}: {
  asset: AssetRow;
  /** Shown to admins and owners only; null for viewers. */
  token: string | null;
  organizationId: string;
  verifyAction: Action;
}) {
  if (asset.verifiedAt) {
    return (
      <span
        className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800"
        title={`Verified ${formatDateTime(asset.verifiedAt)}`}
      >
        Verified ({METHOD_LABEL[asset.verificationMethod ?? ""] ?? "proof found"})
      </span>
    );
  }
  const howTo = token
    ? verificationInstructions({ kind: asset.kind, value: asset.value, verificationToken: token })
    : null;
  return (
    <div className="space-y-1">
      <span
        className="rounded bg-amber-50 px-1.5 py-0.5 text-xs text-amber-900"
        title={`Standard scan: ${standardScanSummary()}`}
      >
        Not verified: standard scan
      </span>
      {asset.verificationError && <p className="text-xs text-red-700">Last check: {asset.verificationError}</p>}
      {howTo && (
        <details className="text-xs">
          <summary className="cursor-pointer text-slate-700 underline">How to verify {asset.value}</summary>
          <div className="mt-1 space-y-2">
            {howTo.txt && (
              <div>
                <p>Add a DNS TXT record:</p>
                <dl className="grid grid-cols-[auto_1fr] gap-x-2">
                  <dt className="text-slate-500">Name</dt>
                  <dd className="font-mono break-all">{howTo.txt.name}</dd>
                  <dt className="text-slate-500">Value</dt>
                  <dd className="font-mono break-all">{howTo.txt.value}</dd>
                </dl>
                <p className="mt-1">or</p>
              </div>
            )}
            <div>
              <p>Publish a file (over HTTP or HTTPS):</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-2">
                <dt className="text-slate-500">URL</dt>
                <dd className="font-mono break-all">{howTo.file.url}</dd>
                <dt className="text-slate-500">Content</dt>
                <dd className="font-mono break-all">{howTo.file.content}</dd>
              </dl>
            </div>
            {asset.kind === "IP" && <p>An IP address that one of your verified domains resolves to is verified too.</p>}
            <p className="text-slate-500">Ownership is checked again every week.</p>
          </div>
        </details>
      )}
      {token && (
        <VerifyNowButton organizationId={organizationId} assetId={asset.id} value={asset.value} action={verifyAction} />
      )}
    </div>
  );
}
