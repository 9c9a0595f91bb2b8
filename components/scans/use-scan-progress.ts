"use client";

import { useEffect, useState } from "react";
import type { ScanProgressSummary } from "@/lib/scan-runs/get-scan-run-progress";

export type ScanStatus = ScanProgressSummary["status"];

export interface ScanProgressData extends ScanProgressSummary {
  /** The asset's grade from this run is stored (only ever true once COMPLETED). */
  graded?: boolean;
}

export const POLL_INTERVAL_MS = 2000;
/** After "Completed", how long to wait for the grade before showing the page as it is. */
export const GRADE_WAIT_POLLS = 30;

export function isFinished(status: ScanStatus): boolean {
  return status === "COMPLETED" || status === "FAILED" || status === "CANCELLED";
}

/** Nothing more will change: failed, cancelled, or completed and graded (or grading is overdue). */
export function isSettled(progress: ScanProgressData, pollsAfterCompleted: number): boolean {
  if (!isFinished(progress.status)) return false;
  return progress.status !== "COMPLETED" || progress.graded === true || pollsAfterCompleted >= GRADE_WAIT_POLLS;
}

/**
 * Polls the scan's progress every 2 s until it is settled: a completed scan is followed until its
 * grade is stored, so the page can then show the new grade and ports. A failed poll (network,
 * server) keeps the last known progress, shows the problem and tries again at the next interval.
 */
export function useScanProgress(orgId: string, scanRunId: string, initial?: ScanProgressData) {
  const [progress, setProgress] = useState<ScanProgressData | null>(initial ?? null);
  const [pollError, setPollError] = useState<string | null>(null);
  const [pollsAfterCompleted, setPollsAfterCompleted] = useState(0);
  const settled = progress ? isSettled(progress, pollsAfterCompleted) : false;

  useEffect(() => {
    if (settled) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const url = `/api/orgs/${encodeURIComponent(orgId)}/scans/${encodeURIComponent(scanRunId)}`;

    const poll = async () => {
      try {
        const response = await fetch(url, { signal: controller.signal, cache: "no-store" });
        const body = (await response.json().catch(() => null)) as {
          scanRun?: ScanProgressData;
          error?: { message?: string };
        } | null;
        if (!response.ok || !body?.scanRun) {
          setPollError(body?.error?.message ?? `Could not load the scan's progress (HTTP ${response.status}).`);
          if (response.status === 404 || response.status === 403 || response.status === 401) return;
        } else {
          setPollError(null);
          setProgress(body.scanRun);
          if (body.scanRun.status === "COMPLETED") setPollsAfterCompleted((n) => n + 1);
          if (isFinished(body.scanRun.status) && (body.scanRun.status !== "COMPLETED" || body.scanRun.graded)) return;
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        setPollError("Could not reach the server; retrying.");
        void error;
      }
      timer = setTimeout(poll, POLL_INTERVAL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // pollsAfterCompleted is not a dependency: the loop keeps itself going until the grade arrives.
  }, [orgId, scanRunId, settled]);

  return { progress, pollError, settled };
}
