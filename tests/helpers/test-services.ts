/**
 * Real Debian servers for service-detection tests and the detection benchmark.
 *
 * Every server is a separate process bound only to its own loopback address (one random
 * 127.x.y.0/24 per run, see services/loopback.ts), with a throwaway config and data directory.
 * Most listen on non-standard ports, so a port's typical (IANA) service differs from what it
 * really answers; a few use their standard port. Expected product/version come from the
 * installed binaries at runtime.
 *
 * A service whose binary is missing is skipped with a reason, except when CI=true, where that is
 * an error. A server that fails to start is always an error carrying its log.
 */
import { findBinary } from "./services/binaries";
import { dnsmasq } from "./services/dnsmasq";
import { dovecot } from "./services/dovecot";
import { FixtureRun } from "./services/fixture-run";
import { mariadb } from "./services/mariadb";
import { memcached } from "./services/memcached";
import { mosquitto } from "./services/mosquitto";
import { nginx } from "./services/nginx";
import { openldap } from "./services/openldap";
import { openssh } from "./services/openssh";
import { postfix } from "./services/postfix";
import { postgresql } from "./services/postgresql";
import { redis } from "./services/redis";
import { samba } from "./services/samba";
import { snmpd } from "./services/snmpd";
import type { ServiceContext, ServiceDefinition, TestService } from "./services/types";
import { vsftpd } from "./services/vsftpd";
import { tigervnc } from "./services/tigervnc";

export type { TestService } from "./services/types";

export const SERVICE_DEFINITIONS: readonly ServiceDefinition[] = [
  openssh,
  nginx,
  postfix,
  dovecot,
  vsftpd,
  redis,
  mariadb,
  postgresql,
  memcached,
  mosquitto,
  openldap,
  snmpd,
  dnsmasq,
  tigervnc,
  samba,
];

/** Every endpoint the fixtures can provide, known without starting anything. */
export const TEST_SERVICE_ENDPOINTS: readonly { name: string; protocol: "tcp" | "udp" }[] = SERVICE_DEFINITIONS.flatMap(
  (d) => d.endpoints,
);

export interface StartedTestServices {
  services: TestService[];
  skipped: { name: string; reason: string }[];
  stop(): Promise<void>;
  /** Live processes of every started server (for checks such as "listens on loopback only"). */
  processIds(): number[];
}

function assertUniqueOctets(): void {
  const octets = SERVICE_DEFINITIONS.map((d) => d.hostOctet);
  if (new Set(octets).size !== octets.length) throw new Error("Two service fixtures share a loopback address octet");
}

function selectDefinitions(only: readonly string[] | undefined): ServiceDefinition[] {
  if (only === undefined) return [...SERVICE_DEFINITIONS];
  const known = new Set([...SERVICE_DEFINITIONS.map((d) => d.name), ...TEST_SERVICE_ENDPOINTS.map((e) => e.name)]);
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown test service(s) ${unknown.join(", ")}; known: ${[...known].sort().join(", ")}`);
  }
  return SERVICE_DEFINITIONS.filter((d) => only.includes(d.name) || d.endpoints.some((e) => only.includes(e.name)));
}

/** Whether an endpoint was asked for: all of a definition's endpoints when `only` names the definition. */
function isWanted(definition: ServiceDefinition, endpoint: string, only: readonly string[] | undefined): boolean {
  return only === undefined || only.includes(definition.name) || only.includes(endpoint);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function startTestServices(options: { only?: string[] } = {}): Promise<StartedTestServices> {
  assertUniqueOctets();
  const requireAll = process.env.CI === "true";
  const definitions = selectDefinitions(options.only);

  const skipped: { name: string; reason: string }[] = [];
  const missingInCi: string[] = [];
  const runnable: { definition: ServiceDefinition; binaries: Map<string, string> }[] = [];
  for (const definition of definitions) {
    const binaries = new Map(definition.binaries.map((name) => [name, findBinary(name)] as const));
    const missing = [...binaries].filter(([, path]) => path === null).map(([name]) => name);
    if (missing.length === 0) {
      runnable.push({ definition, binaries: binaries as Map<string, string> });
      continue;
    }
    const reason = `${missing.join(", ")} not installed (apt-get install ${definition.packages.join(" ")})`;
    if (requireAll) missingInCi.push(`${definition.name}: ${reason}`);
    for (const endpoint of definition.endpoints.filter((e) => isWanted(definition, e.name, options.only))) {
      skipped.push({ name: endpoint.name, reason });
    }
  }
  if (missingInCi.length > 0) {
    throw new Error(`CI=true and service fixtures cannot run:\n${missingInCi.join("\n")}`);
  }

  const opensslPath = findBinary("openssl");
  const run = new FixtureRun();
  const results = await Promise.allSettled(
    runnable.map(async ({ definition, binaries }) => {
      const context: ServiceContext = {
        dir: run.serviceDir(definition.name),
        host: run.host(definition.hostOctet),
        binary(name) {
          const path = binaries.get(name);
          if (path === undefined)
            throw new Error(`${definition.name} fixture uses ${name} without listing it in its binaries`);
          return path;
        },
        spawn: (spawnOptions) => run.spawn(spawnOptions),
        certificate() {
          if (opensslPath === null)
            return Promise.reject(new Error("openssl is not installed (apt-get install openssl)"));
          return run.certificate(opensslPath);
        },
      };
      const services = await definition.start(context);
      for (const service of services) {
        if (!definition.endpoints.some((e) => e.name === service.name && e.protocol === service.protocol)) {
          throw new Error(
            `${definition.name} fixture returned ${service.name}/${service.protocol}, which its endpoints do not declare`,
          );
        }
      }
      return services.filter((service) => isWanted(definition, service.name, options.only));
    }),
  );

  const failures = results.flatMap((result, i) =>
    result.status === "rejected" ? [`[${runnable[i]!.definition.name}] ${errorText(result.reason)}`] : [],
  );
  if (failures.length > 0) {
    await run.stop();
    throw new Error(`${failures.length} service fixture(s) failed to start:\n\n${failures.join("\n\n")}`);
  }

  return {
    services: results.flatMap((result) => (result.status === "fulfilled" ? result.value : [])),
    skipped,
    stop: () => run.stop(),
    processIds: () => run.processIds(),
  };
}
