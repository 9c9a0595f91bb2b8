import type { ActionResult, ActionState } from "@/lib/actions/result";
import type { AssetRow } from "@/lib/assets/asset-row";
import { DeleteAssetButton } from "./delete-asset-button";
import { AssetLink } from "./asset-link";
import { LocalTime } from "@/components/ui/local-time";
import { GradeBadge } from "@/components/grades/grade-badge";
import { LabelEditor } from "./label-editor";
import { OwnershipCell } from "./ownership-cell";
import { ScanNowButton } from "./scan-now-button";
import { ScanProgress } from "@/components/scans/scan-progress";

type Action = (prev: ActionState, input: FormData) => Promise<ActionResult>;
type ScanAction = (
  prev: ActionState<{ scanRunId: string }>,
  input: FormData,
) => Promise<ActionResult<{ scanRunId: string }>>;

function LastScan({ asset, organizationId }: { asset: AssetRow; organizationId: string }) {
  const scan = asset.latestScan;
  if (scan && (scan.status === "QUEUED" || scan.status === "RUNNING")) {
    return <ScanProgress orgId={organizationId} scanRunId={scan.id} initial={scan} />;
  }
  return (
    <>
      {asset.lastScanAt ? <LocalTime value={asset.lastScanAt} /> : "Not scanned yet"}
      {scan?.status === "FAILED" && (
        <p className="text-xs text-red-800">Last scan failed: {scan.error ?? "unknown reason"}</p>
      )}
    </>
  );
}

export function AssetTable({
  assets,
  organizationId,
  canEdit,
  labelAction,
  deleteAction,
  scanAction,
  verifyAction,
  verificationTokens,
}: {
  assets: AssetRow[];
  organizationId: string;
  canEdit: boolean;
  labelAction: Action;
  deleteAction: Action;
  scanAction: ScanAction;
  verifyAction: Action;
  /** Each asset's verification secret, for admins and owners only (empty for viewers). */
  verificationTokens: ReadonlyMap<string, string>;
}) {
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">
              Asset
            </th>
            <th scope="col" className="px-4 py-2">
              Label
            </th>
            <th scope="col" className="px-4 py-2">
              Grade
            </th>
            <th scope="col" className="px-4 py-2">
              Ownership
            </th>
            <th scope="col" className="px-4 py-2">
              Last scan
            </th>
            <th scope="col" className="px-4 py-2">
              Added
            </th>
            {canEdit && (
              <th scope="col" className="px-4 py-2">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {assets.map((a) => (
            <tr key={a.id}>
              <td className="px-4 py-2">
                <span id={`asset-value-${a.id}`}>
                  <AssetLink id={a.id} value={a.value} />
                </span>{" "}
                <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">
                  {a.kind === "IP" ? "IP" : "Domain"}
                </span>
              </td>
              <td className="px-4 py-2">
                {canEdit ? (
                  <LabelEditor
                    organizationId={organizationId}
                    assetId={a.id}
                    assetValue={a.value}
                    label={a.label}
                    action={labelAction}
                  />
                ) : (
                  <span className={a.label ? "" : "text-slate-600"}>{a.label ?? "—"}</span>
                )}
              </td>
              <td className="px-4 py-2">
                <GradeBadge grade={a.grade} score={a.score} />
              </td>
              <td className="min-w-64 px-4 py-2">
                <OwnershipCell
                  asset={a}
                  token={verificationTokens.get(a.id) ?? null}
                  organizationId={organizationId}
                  verifyAction={verifyAction}
                />
              </td>
              <td className="min-w-56 px-4 py-2 text-slate-600">
                <LastScan asset={a} organizationId={organizationId} />
              </td>
              <td className="px-4 py-2 text-slate-700">
                <LocalTime value={a.createdAt} dateOnly />
              </td>
              {canEdit && (
                <td className="flex justify-end gap-2 px-4 py-2">
                  <ScanNowButton organizationId={organizationId} assetId={a.id} value={a.value} action={scanAction} />
                  <DeleteAssetButton
                    organizationId={organizationId}
                    assetId={a.id}
                    value={a.value}
                    action={deleteAction}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
