"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import { useScanProgress, type ScanProgressData, type ScanStatus } from "./use-scan-progress";

const STATUS_LABEL: Record<ScanStatus, string> = {
  QUEUED: "Queued",
  RUNNING: "Scanning",
  COMPLETED: "Completed",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

/**
 * Live progress of one scan: status, hosts scanned of total, open ports found so far. Once the scan
 * has settled (completed and graded, failed or cancelled) the page's server components are refreshed,
 * so the new grade, ports and history appear without a reload.
 */
export function ScanProgress({
  orgId,
  scanRunId,
  initial,
}: {
  orgId: string;
  scanRunId: string;
  initial?: ScanProgressData;
}) {
  const { progress, pollError, settled } = useScanProgress(orgId, scanRunId, initial);
  const router = useRouter();
  const refreshed = useRef(settled);
  useEffect(() => {
    if (!settled || refreshed.current) return;
    refreshed.current = true;
    router.refresh();
  }, [settled, router]);
  if (!progress) {
    return (
      <div role="status" className="text-sm text-slate-600">
        {pollError ?? "Loading scan progress…"}
      </div>
    );
  }
  const percent = progress.hostsTotal > 0 ? Math.round((progress.hostsDone / progress.hostsTotal) * 100) : 0;
  const hosts =
    progress.hostsTotal > 0
      ? `${progress.hostsDone} of ${progress.hostsTotal} hosts scanned`
      : progress.status === "QUEUED"
        ? "Waiting to start"
        : "Resolving hosts";
  return (
    <div role="status" aria-live="polite" className="space-y-2 text-sm">
      <div className="flex items-center justify-between gap-4">
        <span className="font-medium text-slate-900">
          {STATUS_LABEL[progress.status]}
          {progress.status === "COMPLETED" && !settled ? " · grading…" : ""}
        </span>
        <span className="text-slate-600">
          {hosts} · {progress.portsFound} open {progress.portsFound === 1 ? "port" : "ports"}
        </span>
      </div>
      <div
        className="h-2 w-full overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label="Scan progress"
      >
        <div
          className={`h-full ${progress.status === "FAILED" ? "bg-red-600" : progress.status === "COMPLETED" ? "bg-emerald-600" : "bg-blue-600"}`}
          style={{ width: `${progress.status === "COMPLETED" ? 100 : percent}%` }}
        />
      </div>
      {progress.error && progress.status !== "COMPLETED" ? <p className="text-red-700">{progress.error}</p> : null}
      {pollError ? <p className="text-amber-700">{pollError}</p> : null}
    </div>
  );
}
