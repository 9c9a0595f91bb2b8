import { typicalService } from "./typical-services";
import type { ScanOptions } from "./options";
import { AddressPolicy } from "./policy/address-policy";
import { parsePortSpec } from "./ports/parse-port-spec";
import { ProgressTracker } from "./progress";
import { createScanResources, type ScanResources } from "./resources";
import { runPool } from "./run-pool";
import { scanTcp } from "./tcp/scan-tcp";
import { DEFAULT_TCP_TIMING } from "./tcp/tcp-timing";
import {
  TargetRefusedError,
  type CatchAllHost,
  type Detection,
  type PortResult,
  type PortState,
  type ResolvedAddress,
} from "./types";
import { UDP_PROBE_PORTS } from "./udp/default-ports";
import type { UdpPortResult } from "./udp/udp-scan";

export interface HostScanResult {
  ports: PortResult[];
  catchAll: CatchAllHost | null;
}

export interface ScanHostOptions extends ScanOptions {
  /** What the user asked for (domain or IP); defaults to the address's hostname or the IP. */
  target?: string;
  /** Shared by the hosts of one scan(); created per call otherwise. */
  resources?: ScanResources;
  /** Shared progress of one scan(); created per call otherwise. */
  progress?: ProgressTracker;
}

const NO_DETECTION: Detection = {
  detectedService: null,
  product: null,
  version: null,
  versionRevision: null,
  tls: null,
  banner: null,
  facts: {},
};

/** Port lists of a scan, validated before any packet is sent. */
export function portsOf(options: ScanOptions): { tcp: number[]; udp: number[] } {
  const tcp = parsePortSpec(options.ports ?? "top-1000");
  const udp = options.udp ? (options.udpPorts ? parsePortSpec(options.udpPorts) : [...UDP_PROBE_PORTS]) : [];
  return { tcp, udp };
}

/**
 * Scans one address: TCP connect scan (with catch-all check), service detection on open TCP ports,
 * optional UDP. The address is checked against the policy again here, because this is the function a
 * background job calls with an address it stored earlier.
 */
export async function scanHost(
  address: ResolvedAddress | { ip: string; family: 4 | 6 },
  options: ScanHostOptions = {},
): Promise<HostScanResult> {
  const hostname = "hostname" in address ? address.hostname : undefined;
  const target = options.target ?? hostname ?? address.ip;
  const verdict = AddressPolicy.fromOptions(
    options.allowedCidrs,
    options.env ?? process.env,
    options.deniedCidrs,
  ).check(address.ip);
  if (!verdict.allowed) throw new TargetRefusedError(target, "non-public-address", verdict.reason);
  if (verdict.family !== address.family) {
    throw new TargetRefusedError(target, "invalid-target", `${address.ip} is not an IPv${address.family} address`);
  }
  const ip = verdict.ip;
  const { tcp, udp } = portsOf(options);
  const resources = options.resources ?? createScanResources(options);
  const ownProgress = !options.progress;
  const progress = options.progress ?? new ProgressTracker(options.onProgress);
  if (ownProgress) progress.update({ hostsTotal: 1, portsTotal: tcp.length + udp.length }, true);

  const tcpScan = await scanTcp({
    target,
    ip,
    family: address.family,
    ports: tcp,
    timing: { ...DEFAULT_TCP_TIMING, ...options.timing },
    budget: resources.budget,
    rateLimiter: resources.rateLimiter,
    connector: options.connector,
    signal: options.signal,
    catchAllProbePorts: options.catchAllProbePorts,
    threads: options.threads,
    spareCores: resources.spareCores,
    onPortState: (_port, state) => progress.portDone(state === "open"),
  });
  if (tcpScan.catchAll) progress.update({ portsScanned: tcp.length });

  const ports: PortResult[] = [];
  const base = (port: number, protocol: "tcp" | "udp", state: PortState) => ({
    target,
    ip,
    port,
    protocol,
    state,
    ...typicalService(port, protocol),
  });

  // In port order. A full scan has 65,535 states and usually a few dozen open ports to show.
  const tcpShown: (readonly [number, PortState])[] = options.allStates
    ? [...tcpScan.states]
    : tcpScan.states.portsIn("open").map((port) => [port, "open"] as const);
  const detections = new Map<number, Detection>();
  const open = tcpShown.filter(([, state]) => state === "open").map(([port]) => port);
  if (options.detection !== false && open.length > 0) {
    const serverName = hostname && hostname !== ip ? hostname : undefined;
    // Loaded on first use, as UDP below: port discovery alone never pays for recognisers, TLS and dns-packet.
    const { detectService } = await import("./detect/index");
    await runPool(open, options.detectionConcurrency ?? 8, async (port) => {
      detections.set(port, await detect(detectService, ip, port, address.family, serverName, options));
    });
  }
  for (const [port, state] of tcpShown)
    ports.push({ ...base(port, "tcp", state), ...(detections.get(port) ?? NO_DETECTION) });

  if (udp.length > 0) {
    const { scanHostUdp } = await import("./udp/udp-scan");
    const udpResults = await scanHostUdp({
      ip,
      family: address.family,
      ports: udp,
      timing: options.udpTiming,
      budget: resources.budget,
      signal: options.signal,
      onPortState: (_port, result) => progress.portDone(result.state === "open"),
    });
    const udpShown = [...udpResults]
      .filter(([, r]) => options.allStates || r.state === "open" || r.state === "open|filtered")
      .sort(([a], [b]) => a - b);
    for (const [port, result] of udpShown) ports.push({ ...base(port, "udp", result.state), ...udpDetection(result) });
  }
  if (ownProgress) progress.update({ hostsDone: 1 }, true);
  return { ports, catchAll: tcpScan.catchAll };
}

async function detect(
  detectService: typeof import("./detect/index").detectService,
  ip: string,
  port: number,
  family: 4 | 6,
  serverName: string | undefined,
  options: ScanOptions,
): Promise<Detection> {
  try {
    return await detectService(ip, port, {
      signal: options.signal,
      timeoutMs: options.detectionTimeoutMs,
      family,
      serverName,
    });
  } catch (error) {
    options.signal?.throwIfAborted();
    // A port that resets or misbehaves during detection is still open; it just stays unidentified.
    void error;
    return NO_DETECTION;
  }
}

function udpDetection(result: UdpPortResult): Detection {
  const id = result.identification;
  return {
    detectedService: id?.detectedService ?? null,
    product: id?.product ?? null,
    version: id?.version ?? null,
    versionRevision: id?.revision ?? null,
    tls: null,
    banner: result.banner,
    facts: id?.facts ?? {},
  };
}
