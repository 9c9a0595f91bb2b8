import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scanHost } from "@/lib/scanner/scan-host";
import { assertRoutedVia, netnsSkipReason, startNetnsHost, type NetnsHost } from "@/tests/helpers/netns";

const skipReason = await netnsSkipReason();
if (skipReason) console.warn(`skipping network-namespace scans: ${skipReason}`);

const OPEN = [22, 80, 443, 3306, 8080, 12345, 23456, 34567, 45678, 56789];

describe.skipIf(skipReason !== null)("scans of a host in a network namespace", () => {
  let filtered: NetnsHost;
  let catchAll: NetnsHost;

  beforeAll(async () => {
    filtered = await startNetnsHost({ openPorts: OPEN });
    catchAll = await startNetnsHost({ openPorts: [8080], catchAll: true });
  });

  afterAll(async () => {
    await filtered?.stop();
    await catchAll?.stop();
  });

  it("finds the open ports among dropped ones and reports the rest filtered", async () => {
    await assertRoutedVia(filtered.ip, filtered.device);
    const { ports, catchAll: host } = await scanHost(
      { ip: filtered.ip, family: 4 },
      { ports: `1-3000,${OPEN.join(",")}`, allowedCidrs: [filtered.cidr], allStates: true, detection: false },
    );
    expect(host).toBeNull();
    const open = ports.filter((p) => p.state === "open").map((p) => p.port);
    expect(open).toEqual([...OPEN].sort((a, b) => a - b));
    const total = new Set([...Array.from({ length: 3000 }, (_, i) => i + 1), ...OPEN]).size;
    expect(ports.filter((p) => p.state === "filtered")).toHaveLength(total - OPEN.length);
    expect(ports.some((p) => p.state === "closed")).toBe(false);
  });

  it("reports a host that answers on every port as catch-all", async () => {
    await assertRoutedVia(catchAll.ip, catchAll.device);
    const result = await scanHost(
      { ip: catchAll.ip, family: 4 },
      { ports: "all", allowedCidrs: [catchAll.cidr], detection: false },
    );
    expect(result.catchAll).toMatchObject({ ip: catchAll.ip });
    expect(result.catchAll!.probedPorts).toHaveLength(5);
    expect(result.ports).toEqual([]);
  });

  it("refuses the namespace address without an explicit allow-list entry (198.18/15 is benchmarking space)", async () => {
    await expect(scanHost({ ip: filtered.ip, family: 4 }, { ports: "22", allowedCidrs: [] })).rejects.toThrow(
      /198\.18\.0\.0\/15/,
    );
  });
});
