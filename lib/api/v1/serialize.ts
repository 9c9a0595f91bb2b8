import type { AssetRow } from "@/lib/assets/asset-row";
import type { GradePoint } from "@/lib/grade-snapshots/list-grade-history";
import type { FeedChange } from "@/lib/scan-runs/list-exposure-change-feed";
import type { ScanRunProgress } from "@/lib/scan-runs/get-scan-run-progress";
import { encodeCursor } from "@/lib/validation/pagination";
import type { AssetBody, ExposureChangeBody, GradePointBody, ScanRunBody } from "./schemas";

/** Domain rows as the API shows them (./schemas.ts): ISO timestamps, lower-case kinds, no secrets. */
const iso = (d: Date | null) => d?.toISOString() ?? null;

export function assetBody(a: AssetRow): AssetBody {
  return {
    id: a.id,
    kind: a.kind === "IP" ? "ip" : "domain",
    value: a.value,
    label: a.label,
    grade: a.grade as AssetBody["grade"],
    score: a.score,
    gradedAt: iso(a.gradedAt),
    createdAt: a.createdAt.toISOString(),
    lastScanAt: iso(a.lastScanAt),
    nextScanAt: iso(a.nextScanAt),
    verified: a.verifiedAt !== null,
    verificationMethod: a.verifiedAt ? (a.verificationMethod as AssetBody["verificationMethod"]) : null,
    latestScan: a.latestScan,
  };
}

export function scanRunBody(run: ScanRunProgress): ScanRunBody {
  return {
    id: run.id,
    assetId: run.assetId,
    status: run.status,
    hostsDone: run.hostsDone,
    hostsTotal: run.hostsTotal,
    portsFound: run.portsFound,
    error: run.error,
    createdAt: run.createdAt.toISOString(),
    startedAt: iso(run.startedAt),
    finishedAt: iso(run.finishedAt),
    graded: run.graded,
  };
}

export function gradePointBody(p: GradePoint): GradePointBody {
  return { ...p, grade: p.grade as GradePointBody["grade"], gradedAt: p.gradedAt.toISOString() };
}

export function exposureChangeBody(c: FeedChange): ExposureChangeBody {
  return {
    id: c.id,
    kind: c.kind,
    at: c.detectedAt,
    assetId: c.assetId,
    asset: c.assetValue,
    scanRunId: c.scanRunId,
    ip: c.ip,
    port: c.port,
    protocol: c.protocol,
    before: c.before,
    after: c.after,
  };
}

/** The cursor after the last row of a full page; null when the page was the last. */
export function nextCursorOf<T>(
  rows: T[],
  limit: number,
  position: (row: T) => { at: Date; id: string },
): string | null {
  const last = rows.at(-1);
  return rows.length === limit && last ? encodeCursor(position(last)) : null;
}
