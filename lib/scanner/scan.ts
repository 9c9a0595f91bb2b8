import { AsyncQueue } from "./async-queue";
import type { ScanOptions } from "./options";
import { ProgressTracker } from "./progress";
import { createScanResources } from "./resources";
import { runPool } from "./run-pool";
import { portsOf, scanHost } from "./scan-host";
import { resolveTarget } from "./targets/resolve-target";
import {
  TargetRefusedError,
  type CatchAllHost,
  type PortResult,
  type RefusedAddress,
  type ResolvedAddress,
} from "./types";

export type ScanEvent =
  /** A target could not be scanned at all (invalid, unresolvable, only refused addresses). */
  | { type: "target-refused"; target: string; error: TargetRefusedError }
  /** One address of a target was dropped by the policy; the others are scanned. */
  | { type: "address-refused"; refused: RefusedAddress }
  | { type: "host-started"; target: string; address: ResolvedAddress }
  | { type: "port"; result: PortResult }
  | { type: "catch-all"; host: CatchAllHost }
  | { type: "host-done"; target: string; address: ResolvedAddress };

/**
 * Scans several targets, streaming events as hosts finish. Targets are resolved (and policy-checked)
 * first, then hosts are scanned a few at a time sharing one socket budget. Port specifications are
 * validated before anything is resolved or sent; a bad one throws. Leaving the loop early (break)
 * cancels the rest of the scan and closes its sockets, as aborting options.signal does.
 */
export function scan(targets: readonly string[], options: ScanOptions = {}): AsyncIterable<ScanEvent> {
  const { tcp, udp } = portsOf(options);
  const resources = createScanResources(options);
  const controller = new AbortController();
  const forward = () => controller.abort(options.signal?.reason);
  if (options.signal?.aborted) forward();
  options.signal?.addEventListener("abort", forward, { once: true });
  const signal = controller.signal;
  const queue = new AsyncQueue<ScanEvent>(() =>
    controller.abort(new DOMException("The scan was abandoned", "AbortError")),
  );
  const progress = new ProgressTracker(options.onProgress);

  const run = async () => {
    const hosts: { target: string; address: ResolvedAddress }[] = [];
    for (const target of targets) {
      signal.throwIfAborted();
      try {
        const addresses = await resolveTarget(target, {
          ...options,
          onRefusedAddress: (refused) => {
            options.onRefusedAddress?.(refused);
            queue.push({ type: "address-refused", refused });
          },
        });
        hosts.push(...addresses.map((address) => ({ target, address })));
      } catch (error) {
        if (!(error instanceof TargetRefusedError)) throw error;
        queue.push({ type: "target-refused", target, error });
      }
    }
    progress.update({ hostsTotal: hosts.length, portsTotal: hosts.length * (tcp.length + udp.length) }, true);
    await runPool(hosts, options.hostConcurrency ?? 4, async ({ target, address }) => {
      queue.push({ type: "host-started", target, address });
      const result = await scanHost(address, { ...options, signal, target, resources, progress });
      if (result.catchAll) queue.push({ type: "catch-all", host: result.catchAll });
      for (const port of result.ports) queue.push({ type: "port", result: port });
      progress.update({ hostsDone: 1 }, true);
      queue.push({ type: "host-done", target, address });
    });
  };
  run()
    .then(
      () => queue.close(),
      (error) => queue.fail(error),
    )
    .finally(() => options.signal?.removeEventListener("abort", forward));
  return queue;
}
