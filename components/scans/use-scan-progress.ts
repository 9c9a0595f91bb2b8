"use client";

import { useEffect, useState } from "react";

export type ScanStatus = "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";

export interface ScanProgressData {
  id: string;
  status: ScanStatus;
  hostsDone: number;
  hostsTotal: number;
  portsFound: number;
  error: string | null;
}

export const POLL_INTERVAL_MS = 2000;

export function isFinished(status: ScanStatus): boolean {
  return status === "COMPLETED" || status === "FAILED" || status === "CANCELLED";
}

/**
 * Polls the scan's progress every 2 s until it is finished. A failed poll (network, server) keeps the
 * last known progress, shows the problem and tries again at the next interval.
 */
export function useScanProgress(orgId: string, scanRunId: string, initial?: ScanProgressData) {
  const [progress, setProgress] = useState<ScanProgressData | null>(initial ?? null);
  const [pollError, setPollError] = useState<string | null>(null);
  const finished = progress ? isFinished(progress.status) : false;

  useEffect(() => {
    if (finished) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const url = `/api/orgs/${encodeURIComponent(orgId)}/scans/${encodeURIComponent(scanRunId)}`;

    const poll = async () => {
      try {
        const response = await fetch(url, { signal: controller.signal, cache: "no-store" });
        const body = (await response.json().catch(() => null)) as { scanRun?: ScanProgressData; error?: { message?: string } } | null;
        if (!response.ok || !body?.scanRun) {
          setPollError(body?.error?.message ?? `Could not load the scan's progress (HTTP ${response.status}).`);
          if (response.status === 404 || response.status === 403 || response.status === 401) return;
        } else {
          setPollError(null);
          setProgress(body.scanRun);
          if (isFinished(body.scanRun.status)) return;
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
  }, [orgId, scanRunId, finished]);

  return { progress, pollError, finished };
}
