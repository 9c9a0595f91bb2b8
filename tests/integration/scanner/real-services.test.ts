/**
 * Service detection against real Debian servers (tests/helpers/test-services.ts), each on its own
 * loopback address, most on non-standard ports: what a port answers must win over what IANA
 * registers for it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import dnsPacket from "dns-packet";
import dgram from "node:dgram";
import { scanHost } from "@/lib/scanner";
import { detectService } from "@/lib/scanner/detect";
import type { Detection, ServiceFacts } from "@/lib/scanner/types";
import { findBinary } from "@/tests/helpers/services/binaries";
import { isAlive } from "@/tests/helpers/services/process-tree";
import {
  addressOf,
  isLoopbackAddress,
  isUnconnectedPeer,
  socketsOfProcesses,
} from "@/tests/helpers/services/socket-audit";
import { CERTIFICATE_NAME } from "@/tests/helpers/services/tls-certificate";
import {
  startTestServices,
  TEST_SERVICE_ENDPOINTS,
  type StartedTestServices,
  type TestService,
} from "@/tests/helpers/test-services";

const DETECT_TIMEOUT_MS = 20_000;
const TLS_SERVICES = new Set(["https", "imaps", "pop3s"]);
/** RFC 1035 §4.1.1: the low four flag bits are the response code; 5 is REFUSED. */
const RCODE_MASK = 0x000f;
const RCODE_REFUSED = 5;

let fixtures: StartedTestServices | undefined;

beforeAll(async () => {
  fixtures = await startTestServices();
}, 120_000);

afterAll(async () => {
  await fixtures?.stop();
});

/** The started endpoint, or a skip with the fixture's reason (missing binary outside CI). */
function endpoint(name: string, skip: (note?: string) => never): TestService {
  if (!fixtures) throw new Error("Service fixtures did not start (see the beforeAll error)");
  const service = fixtures.services.find((s) => s.name === name);
  if (service) return service;
  const skipped = fixtures.skipped.find((s) => s.name === name);
  if (skipped) skip(skipped.reason);
  throw new Error(`Fixture ${name} neither started nor was skipped`);
}

/** What the user sees for a port; product is compared only where the server names itself. */
function observed(detection: Detection, expected: TestService["expected"]) {
  return {
    detectedService: detection.detectedService,
    ...(expected.product === undefined ? {} : { product: detection.product }),
    version: detection.version,
    ...(expected.versionRevision === undefined ? {} : { versionRevision: detection.versionRevision }),
    ...(expected.facts === undefined
      ? {}
      : { facts: pick(detection.facts, Object.keys(expected.facts) as (keyof ServiceFacts)[]) }),
  };
}

function pick(facts: ServiceFacts, keys: (keyof ServiceFacts)[]): ServiceFacts {
  return Object.fromEntries(keys.map((key) => [key, facts[key]]));
}

function wanted(expected: TestService["expected"]) {
  return {
    detectedService: expected.detectedService,
    ...(expected.product === undefined ? {} : { product: expected.product }),
    // No version in the server's answer means a reported version could only be invented.
    version: expected.version ?? null,
    ...(expected.versionRevision === undefined ? {} : { versionRevision: expected.versionRevision }),
    ...(expected.facts === undefined ? {} : { facts: expected.facts }),
  };
}

describe("detectService identifies real TCP servers", () => {
  for (const { name } of TEST_SERVICE_ENDPOINTS.filter((e) => e.protocol === "tcp")) {
    it(name, async ({ skip }) => {
      const service = endpoint(name, skip);
      const detection = await detectService(service.host, service.port, { timeoutMs: DETECT_TIMEOUT_MS });

      expect(observed(detection, service.expected)).toEqual(wanted(service.expected));
      if (TLS_SERVICES.has(service.expected.detectedService) || service.expected.starttls) {
        expect(detection.tls).toMatchObject({
          selfSigned: true,
          subjectAltNames: expect.arrayContaining([expect.stringContaining(CERTIFICATE_NAME)]),
        });
      }
    });
  }
});

describe("scanHost identifies real UDP servers", () => {
  for (const { name } of TEST_SERVICE_ENDPOINTS.filter((e) => e.protocol === "udp")) {
    it(name, async ({ skip }) => {
      const service = endpoint(name, skip);
      const { ports } = await scanHost(
        { ip: service.host, family: 4 },
        {
          // Loopback is refused by default; only this fixture's own address is opted back in.
          allowedCidrs: [`${service.host}/32`],
          ports: String(service.port),
          udp: true,
          udpPorts: String(service.port),
          detection: false,
        },
      );
      const result = ports.find((p) => p.protocol === "udp" && p.port === service.port);

      expect(result?.state).toBe("open");
      expect(observed(result!, service.expected)).toEqual(wanted(service.expected));
    });
  }
});

describe("the fixtures stay on this machine", () => {
  it("every socket of every fixture process is bound to and connected with loopback addresses only", ({ skip }) => {
    if (!fixtures) throw new Error("Service fixtures did not start");
    const ss = findBinary("ss");
    if (!ss) {
      if (process.env.CI === "true") throw new Error("ss (iproute2) is required in CI");
      skip("ss (iproute2) is not installed");
    }
    const pids = new Set(fixtures.processIds());
    const sockets = socketsOfProcesses(pids, ss!);

    // Every started endpoint must show up, or the audit looked at the wrong processes.
    for (const service of fixtures.services) {
      expect(
        sockets.some((s) => s.netid === service.protocol && s.local === `${service.host}:${service.port}`),
        `${service.name} socket`,
      ).toBe(true);
    }
    const offMachine = sockets.filter(
      (s) =>
        !isLoopbackAddress(addressOf(s.local)) ||
        !(isUnconnectedPeer(addressOf(s.peer)) || isLoopbackAddress(addressOf(s.peer))),
    );
    expect(offMachine).toEqual([]);
  });

  it("dnsmasq answers its local record and refuses other names instead of forwarding them", async ({ skip }) => {
    const dns = endpoint("dnsmasq-udp", skip);
    const ask = (name: string) =>
      new Promise<dnsPacket.Packet>((resolve, reject) => {
        const socket = dgram.createSocket("udp4");
        const timer = setTimeout(() => {
          socket.close();
          reject(new Error(`No DNS answer for ${name} within 3 s`));
        }, 3_000);
        socket.on("message", (message) => {
          clearTimeout(timer);
          socket.close();
          resolve(dnsPacket.decode(message));
        });
        socket.send(
          dnsPacket.encode({
            type: "query",
            id: 4242,
            flags: dnsPacket.RECURSION_DESIRED,
            questions: [{ type: "A", name }],
          }),
          dns.port,
          dns.host,
        );
      });

    const local = await ask("www.example.test");
    expect(local.answers?.map((a) => (a.type === "A" ? a.data : null))).toEqual([dns.host]);
    // Without upstream servers dnsmasq must refuse; a forwarder would try the machine's resolver.
    const other = await ask("portwatch-fixture.invalid");
    expect((other.flags ?? 0) & RCODE_MASK).toBe(RCODE_REFUSED);
    expect(other.answers ?? []).toEqual([]);
  });
});

describe("startTestServices options", () => {
  it("rejects an unknown service name before starting anything", async () => {
    await expect(startTestServices({ only: ["no-such-service"] })).rejects.toThrow(
      /Unknown test service\(s\) no-such-service; known: .*redis/,
    );
  });

  it("starts only the endpoints asked for, and stop() ends their processes", async ({ skip }) => {
    const one = await startTestServices({ only: ["dovecot-imaps"] });
    try {
      if (one.skipped.length > 0) skip(one.skipped[0]!.reason);
      expect(one.services.map((s) => s.name)).toEqual(["dovecot-imaps"]);
      expect(one.processIds().length).toBeGreaterThan(0);
    } finally {
      const pids = one.processIds();
      await one.stop();
      expect(pids.filter((pid) => isAlive(pid))).toEqual([]);
    }
  });
});
