/** fast-check generators for grading input: a small pool of hosts and names so kinds collide often. */
import fc from "fast-check";
import type { TlsInfo } from "@/lib/scanner/types";
import type { GradingFinding } from "@/lib/grading";
import { findingKey } from "@/lib/grading/canonical-order";
import { observedPort } from "@/tests/helpers/observed-port";

export const HOSTS = ["192.0.2.1", "192.0.2.2", "198.51.100.7", "2001:db8::1", "2001:db8::a"] as const;

export const SERVICE_NAMES = [
  "http",
  "https",
  "http-alt",
  "ssh",
  "smtp",
  "submission",
  "imap",
  "imaps",
  "pop3",
  "domain",
  "ntp",
  "snmp",
  "memcache",
  "redis",
  "mysql",
  "ms-wbt-server",
  "rfb",
  "telnet",
  "ftp",
  "ldap",
  "ssdp",
  "tls",
  "elasticsearch",
  "irdmi",
  "wap-wsp",
  "made-up-service",
] as const;

const isoDate = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

const tlsInfo: fc.Arbitrary<TlsInfo> = fc.record({
  protocol: fc.constantFrom("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1", "SSLv3", null),
  cipher: fc.constant(null),
  subject: fc.constant(null),
  subjectAltNames: fc.constant([]),
  issuer: fc.constant(null),
  validFrom: fc.option(isoDate),
  validTo: fc.option(isoDate),
  selfSigned: fc.boolean(),
});

export const gradingFinding: fc.Arbitrary<GradingFinding> = fc.record({
  ip: fc.constantFrom(...HOSTS),
  // Few distinct ports and names so that findings of the same kind pile up on one asset.
  port: fc.oneof(fc.constantFrom(22, 25, 53, 80, 123, 443, 3389, 6379, 8080), fc.integer({ min: 1, max: 65535 })),
  protocol: fc.constantFrom("tcp" as const, "udp" as const),
  state: fc.constantFrom(
    "open" as const,
    "open" as const,
    "open" as const,
    "closed" as const,
    "filtered" as const,
    "open|filtered" as const,
  ),
  typicalService: fc.option(fc.constantFrom(...SERVICE_NAMES)),
  detectedService: fc.option(fc.constantFrom(...SERVICE_NAMES)),
  pendingClassification: fc.boolean(),
  versionRevision: fc.constant(null),
  product: fc.option(fc.constantFrom("nginx", "Elasticsearch", "Docker")),
  version: fc.constant(null),
  tls: fc.option(tlsInfo),
  banner: fc.constant(null),
  facts: fc.record({ redirectsToHttps: fc.boolean(), recursionAvailable: fc.boolean() }, { requiredKeys: [] }),
});

/** Findings of one asset: at most one per host, protocol and port (as a scan produces them). */
export const assetFindings = fc.uniqueArray(gradingFinding, { selector: findingKey, maxLength: 40 });

/** A finding no scan of `existing` has produced yet, graded critical whatever its neighbours. */
export function newCriticalFinding(existing: readonly GradingFinding[]): fc.Arbitrary<GradingFinding> {
  const taken = new Set(existing.map(findingKey));
  return fc
    .record({
      ip: fc.constantFrom(...HOSTS),
      port: fc.integer({ min: 1, max: 65535 }),
      service: fc.constantFrom("redis", "ms-wbt-server", "telnet", "microsoft-ds", "mongodb"),
    })
    .filter((c) => !taken.has(findingKey({ ip: c.ip, protocol: "tcp", port: c.port })))
    .map((c) => observedPort({ ip: c.ip, port: c.port, detectedService: c.service }));
}
