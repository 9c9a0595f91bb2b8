import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { startDnsServer, type DnsServer } from "@/tests/helpers/dns-server";
import { listen } from "@/tests/integration/pipeline/loopback-services";
import { waitFor } from "@/tests/integration/pipeline/pipeline-harness";
import { runFixture, type Fixture } from "./processes";

/**
 * The server is killed with SIGKILL in the middle of a scan (database owner, app functions and
 * executor in one process, as under `npm run dev`). After a restart on the same data directory the
 * run completes, every host and open port is stored exactly once, and the directory opens cleanly.
 */
const IPS = ["127.79.0.11", "127.79.0.12", "127.79.0.13", "127.79.0.14", "127.79.0.15"];
const DOMAIN = "killed.example.test";
let dns: DnsServer;
let base: string;
const closers: (() => Promise<void>)[] = [];
const fixtures: Fixture[] = [];

beforeAll(async () => {
  // One fast host, one HTTP host and three that accept and never answer: detection waits on them,
  // so the run is still going when the server is killed.
  const services = [
    await listen(IPS[0]!, "ssh"),
    await listen(IPS[1]!, "http"),
    ...(await Promise.all(IPS.slice(2).map((ip) => listen(ip, "silent")))),
  ];
  closers.push(...services.map((s) => s.close));
  dns = await startDnsServer({ [DOMAIN]: { A: IPS } });
  closers.push(dns.stop);
  base = fs.mkdtempSync(path.join(os.tmpdir(), "portwatch-kill-"));
  process.env.KILL_TEST_PORTS = services.map((s) => s.service.port).join(",");
});

afterAll(async () => {
  for (const f of fixtures) f.signal("SIGKILL");
  for (const close of closers) await close().catch(() => undefined);
  fs.rmSync(base, { recursive: true, force: true });
});

async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

interface Run {
  status: string;
  hostsTotal: number;
  hostsDone: number;
  portsFound: number;
}
const runOf = async (url: string, id: string) =>
  (
    await sql<Run>(url, `SELECT status, "hostsTotal", "hostsDone", "portsFound" FROM "ScanRun" WHERE id = $1`, [id])
  )[0]!;

describe("SIGKILL during a scan", () => {
  it("restarts on the same directory and completes the run with no lost or duplicated rows", async () => {
    const dataDir = path.join(base, "pglite");
    const env = {
      SCAN_ALLOWED_CIDRS: "127.0.0.0/8",
      SCANNER_DNS_SERVERS: dns.address,
      SCAN_PORTS: process.env.KILL_TEST_PORTS,
      DATABASE_URL: "",
    };
    const first = runFixture("scan-server.ts", [dataDir], { ...env, START_SCAN: DOMAIN });
    fixtures.push(first);
    const { url, scanRunId } = (await first.first) as { url: string; scanRunId: string };

    // Killed once some hosts are stored and others are not.
    const before = await waitFor(
      "the scan to be part done",
      async () => {
        const run = await runOf(url, scanRunId);
        return run.status === "RUNNING" && run.hostsDone >= 1 && run.hostsDone < IPS.length ? run : null;
      },
      120_000,
    );
    first.signal("SIGKILL");
    await first.exited;
    expect(before.hostsDone).toBeLessThan(IPS.length);

    const second = runFixture("scan-server.ts", [dataDir], env);
    fixtures.push(second);
    const { url: url2 } = (await second.first) as { url: string };
    const done = await waitFor(
      "the run to finish after the restart",
      async () => {
        const run = await runOf(url2, scanRunId);
        return run.status !== "RUNNING" && run.status !== "QUEUED" ? run : null;
      },
      180_000,
    );
    expect(done).toEqual({
      status: "COMPLETED",
      hostsTotal: IPS.length,
      hostsDone: IPS.length,
      portsFound: IPS.length,
    });

    const hosts = await sql<{ ip: string }>(url2, `SELECT ip FROM "Host" ORDER BY ip`);
    expect(hosts.map((h) => h.ip)).toEqual(IPS);
    const stored = await sql<{ hostId: string }>(url2, `SELECT "hostId" FROM "ScanHostResult" WHERE "scanRunId" = $1`, [
      scanRunId,
    ]);
    expect(stored).toHaveLength(IPS.length);
    const intervals = await sql<{ ip: string; port: number }>(
      url2,
      `SELECT h.ip, p.port FROM "PortInterval" p JOIN "Host" h ON h.id = p."hostId" WHERE p."closedAt" IS NULL ORDER BY h.ip`,
    );
    expect(intervals.map((i) => i.ip)).toEqual(IPS);

    second.signal("SIGTERM");
    expect(await second.exited).toBe(0);
    // The directory opens cleanly on its own, with the same rows.
    const direct = new PGlite({ dataDir });
    try {
      expect((await direct.query<{ n: number }>(`SELECT count(*)::int AS n FROM "PortInterval"`)).rows).toEqual([
        { n: IPS.length },
      ]);
    } finally {
      await direct.close();
    }
  }, 420_000);
});
