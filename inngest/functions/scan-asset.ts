import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { assetDeleted, scanCompleted, scanFailed, scanRequested } from "@/inngest/events";
import { claimScanRun } from "@/lib/scan-runs/claim-scan-run";
import { completeScanRun } from "@/lib/scan-runs/complete-scan-run";
import { failScanRun } from "@/lib/scan-runs/fail-scan-run";
import { resolveAssetHosts } from "@/lib/scan-runs/resolve-asset-hosts";
import { scanAndStoreHost } from "@/lib/scan-runs/scan-and-store-host";
import {
  backgroundUdp,
  scannerConfig,
  scannerConfigFor,
  configuredPortSpecs,
  ScannerConfigError,
  type ScannerConfig,
} from "@/lib/scan-runs/scanner-config";
import { SCAN_CONCURRENCY } from "@/lib/scan-runs/scan-concurrency";
import { scanFailureMessage } from "@/lib/scan-runs/scan-failure-message";

/** The id of the run created here when a request carried none: stable across retries of the job run. */
export const scanRunIdForJob = (runId: string) => `scan_${runId}`;

function loadConfig(): ScannerConfig {
  try {
    return scannerConfig();
  } catch (error) {
    if (error instanceof ScannerConfigError) throw new NonRetriableError(error.message);
    throw error;
  }
}

/**
 * Scans one asset: claim the run, resolve its hosts, scan each host in its own retriable step (each
 * stores its observations exactly once), then complete the run and announce it. Deleting the asset
 * cancels the job; the `asset-deleted` function marks the run CANCELLED.
 */
export const scanAsset = inngest.createFunction(
  {
    id: "scan-asset",
    name: "Scan an asset",
    triggers: [scanRequested],
    // Limits count steps in flight (host scans): per organisation, and for the whole installation.
    concurrency: [
      { key: "event.data.organizationId", limit: SCAN_CONCURRENCY.perOrganization },
      { limit: SCAN_CONCURRENCY.global },
    ],
    cancelOn: [
      {
        event: assetDeleted,
        if: "async.data.assetId == event.data.assetId && async.data.organizationId == event.data.organizationId",
      },
    ],
    retries: 3,
    timeouts: { finish: "6h" },
    onFailure: async ({ event, error, step, logger }) => {
      const original = event.data.event.data;
      logger.error("scan-asset failed", { organizationId: original.organizationId, assetId: original.assetId, error });
      const scanRunId = original.scanRunId ?? scanRunIdForJob(event.data.run_id);
      const reason = scanFailureMessage(event.data.error).slice(0, 2000);
      const failed = await step.run(`fail-scan-run-${original.assetId}`, () =>
        failScanRun(original.organizationId, { scanRunId, error: reason, now: new Date() }),
      );
      if (failed) {
        await step.sendEvent(
          `announce-scan-failed-${scanRunId}`,
          scanFailed.create(
            { organizationId: original.organizationId, assetId: original.assetId, scanRunId, error: reason },
            { id: `scan-failed-${scanRunId}` },
          ),
        );
      }
    },
  },
  async ({ event, step, runId }) => {
    const { organizationId, assetId } = event.data;

    const claim = await step.run(`claim-scan-run-${assetId}`, () =>
      claimScanRun(organizationId, {
        assetId,
        scanRunId: event.data.scanRunId,
        newScanRunId: scanRunIdForJob(runId),
        trigger: event.data.trigger,
        requestedById: event.data.requestedById,
        portSpecs: configuredPortSpecs(),
        now: new Date(),
      }),
    );
    if (claim.state === "skipped") return claim;
    const { scanRunId } = claim;
    const target = claim.target.value;
    // Until the asset's ownership is proven: the standard scan only (SCAN_PORTS, top-1000 TCP; UDP only with SCAN_UDP=true).
    const configFor = () => scannerConfigFor(loadConfig(), claim.verified);

    const resolved = await step.run(`resolve-hosts-${assetId}`, () =>
      resolveAssetHosts(organizationId, { scanRunId, assetId, target, config: loadConfig(), now: new Date() }),
    );
    if (!resolved.ok) {
      await step.sendEvent(
        `announce-scan-failed-${scanRunId}`,
        scanFailed.create(
          { organizationId, assetId, scanRunId, error: resolved.reason.slice(0, 2000) },
          { id: `scan-failed-${scanRunId}` },
        ),
      );
      return { state: "failed" as const, scanRunId, reason: resolved.reason };
    }

    const stored = await Promise.all(
      resolved.hosts.map((host) =>
        step.run(`scan-host-${host.ip}`, () => {
          const config = configFor();
          return scanAndStoreHost(organizationId, {
            scanRunId,
            target,
            host,
            config,
            udp: backgroundUdp(config, { verified: claim.verified }),
          });
        }),
      ),
    );
    const portsFound = stored.reduce((sum, host) => sum + host.portsOpen, 0);

    const completed = await step.run(`complete-scan-run-${scanRunId}`, () =>
      completeScanRun(organizationId, { scanRunId, now: new Date() }),
    );
    if (!completed) return { state: "cancelled" as const, scanRunId };

    await step.sendEvent(
      `announce-scan-completed-${scanRunId}`,
      scanCompleted.create({ organizationId, assetId, scanRunId, hostsScanned: stored.length, portsFound }),
    );
    return { state: "completed" as const, scanRunId, hostsScanned: stored.length, portsFound };
  },
);
