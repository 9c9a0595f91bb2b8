/** The scanner engine: pure TypeScript, no Next.js or Prisma. */
export * from "./types";
export type { ScanOptions } from "./options";
export { scan, type ScanEvent } from "./scan";
export { scanHost, portsOf, type HostScanResult, type ScanHostOptions } from "./scan-host";
export { resolveTarget, type ResolveTargetOptions } from "./targets/resolve-target";
export { parseTarget, type ParsedTarget } from "./targets/parse-target";
export { parseDnsServers } from "./targets/dns-servers";
export { AddressPolicy, type PolicyVerdict } from "./policy/address-policy";
export { parseCidr, parseCidrList } from "./policy/cidr-list";
export { parsePortSpec, PortSpecError } from "./ports/parse-port-spec";
export { TOP_PORTS, topPorts } from "./ports/top-ports";
export { DEFAULT_TCP_TIMING, type TcpTiming } from "./tcp/tcp-timing";
export { DEFAULT_UDP_TIMING, type UdpTiming } from "./udp/udp-scan";
export { UDP_PROBE_PORTS } from "./udp/default-ports";
export { detectService } from "./detect/index";
export { typicalService, typicalServiceName, typicalServiceSource } from "./typical-services";
export { ianaService } from "./iana";
export {
  protocolSchema,
  portStateSchema,
  tlsInfoSchema,
  serviceFactsSchema,
  observedServiceSchema,
  observedPortSchema,
  isObservedOpen,
  observedService,
} from "./observed-service";
