import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { findingsExportStream } from "@/lib/findings/export-stream";
import { exportFindingBatches } from "@/lib/findings/export-findings";
import { countFindings, findFindingsAsset, listFindings } from "@/lib/findings/list-findings";
import { gradeAssetExposure } from "@/lib/grade-snapshots/grade-asset-exposure";
import { storeHostObservations } from "@/lib/scan-runs/store-host-observations";
import { parseFindingsSearchParams, withFindingsDefaults, type FindingsQuery } from "@/lib/validation/findings";
import { createOrgWithAsset, openPort, startRunWithHost } from "../scans/fixtures";
import { viewerContext } from "./member-context";

type Ports = ReturnType<typeof openPort>[];

async function scanAndGrade(orgId: string, assetId: string, ip: string, ports: Ports, at = new Date()) {
  const { scanRunId, hostId } = await startRunWithHost(orgId, assetId, ip);
  await storeHostObservations(orgId, {
    scanRunId,
    hostId,
    ports: ports.map((p) => ({ ...p, ip })),
    catchAll: false,
    observedAt: at,
  });
  await gradeAssetExposure(orgId, { assetId, scanRunId, asOf: at });
}

let a: Awaited<ReturnType<typeof createOrgWithAsset>>;
let b: Awaited<ReturnType<typeof createOrgWithAsset>>;
let a2: { id: string };
let ctxA: Awaited<ReturnType<typeof viewerContext<"findings:read">>>;
let ctxB: typeof ctxA;
const q = (over: Partial<FindingsQuery> = {}) => ({ ...withFindingsDefaults({}), ...over });

beforeAll(async () => {
  a = await createOrgWithAsset({ value: "shop.example.test" });
  b = await createOrgWithAsset({ value: "other-tenant.example.test" });
  a2 = await db.asset.create({ data: { organizationId: a.org.id, kind: "DOMAIN", value: "mail.example.test" } });
  await scanAndGrade(
    a.org.id,
    a.asset.id,
    "127.0.0.21",
    [
      openPort(6379, { typicalService: "redis", detectedService: "redis", product: "Redis", version: "7.2.4" }),
      openPort(8080, { typicalService: "http-alt", detectedService: "ssh", product: "OpenSSH" }),
      openPort(443, { typicalService: "https", detectedService: "https" }),
      openPort(49999, { typicalService: null, detectedService: null, pendingClassification: true }),
    ],
    new Date("2026-10-01T00:00:00Z"),
  );
  await scanAndGrade(
    a.org.id,
    a2.id,
    "127.0.0.22",
    [
      openPort(25, { typicalService: "smtp", detectedService: "smtp", banner: '=cmd|"/c calc"!A1, "quoted"\r\nline' }),
      openPort(53, { protocol: "udp", typicalService: "domain", detectedService: "domain" }),
    ],
    new Date("2026-11-20T00:00:00Z"),
  );
  await scanAndGrade(b.org.id, b.asset.id, "127.0.0.23", [
    openPort(23, { typicalService: "telnet", detectedService: "telnet" }),
  ]);
  ctxA = await viewerContext(a.org.id, "findings:read");
  ctxB = await viewerContext(b.org.id, "findings:read");
});

describe("findings query module", () => {
  it("lists every open port of the organisation, riskiest first, with asset, host and grading columns", async () => {
    const rows = await listFindings(ctxA, q());
    // critical, medium + mismatch extra, medium (pending), medium (cleartext SMTP), then the two informational.
    expect(rows.slice(0, 4).map((r) => `${r.port}/${r.protocol}`)).toEqual([
      "6379/tcp",
      "8080/tcp",
      "49999/tcp",
      "25/tcp",
    ]);
    expect(rows.slice(4).map((r) => r.severity)).toEqual(["info", "info"]);
    expect(rows[0]).toMatchObject({
      assetValue: "shop.example.test",
      ip: "127.0.0.21",
      severity: "critical",
      contribution: 35,
      ruleId: "redis",
      product: "Redis",
    });
    expect(rows[1]).toMatchObject({ serviceMismatch: true, detectedService: "ssh", typicalService: "http-alt" });
    expect(await countFindings(ctxA, {})).toBe(6);
    // The pager's bounded count: stops one past the bound, so "more than 4" is known without counting all.
    expect(await countFindings(ctxA, {}, { upTo: 4 })).toBe(5);
    expect(await countFindings(ctxA, {}, { upTo: 6 })).toBe(6);
    expect(await countFindings(ctxA, { severity: ["critical"] }, { upTo: 4 })).toBe(1);
  });

  it("applies each filter in SQL", async () => {
    const scope = ctxA;
    const ports = async (over: Partial<FindingsQuery>) =>
      (await listFindings(scope, q(over))).map((r) => r.port).sort((x, y) => x - y);
    expect(await ports({ severity: ["critical", "medium"] })).toEqual([25, 6379, 8080, 49999]);
    expect(await ports({ service: "ssh" })).toEqual([8080]);
    expect(await ports({ service: "http-alt" })).toEqual([8080]);
    expect(await ports({ asset: a2.id })).toEqual([25, 53]);
    expect(await ports({ protocol: "udp" })).toEqual([53]);
    expect(await ports({ mismatch: true })).toEqual([8080]);
    expect(await ports({ pending: true })).toEqual([49999]);
    expect(await ports({ since: new Date("2026-11-01T00:00:00Z") })).toEqual([25, 53]);
    expect(await ports({ q: "openssh" })).toEqual([8080]);
    expect(await ports({ q: "mail.example" })).toEqual([25, 53]);
    expect(await ports({ q: "6379" })).toEqual([6379]);
    // LIKE wildcards in the search text are literal.
    expect(await ports({ q: "%" })).toEqual([]);
    expect(await countFindings(scope, { severity: ["critical"], protocol: "tcp" })).toBe(1);
  });

  it("sorts both ways and pages without overlap", async () => {
    const scope = ctxA;
    const byPort = await listFindings(scope, q({ sort: "port", dir: "asc" }));
    expect(byPort.map((r) => r.port)).toEqual([25, 53, 443, 6379, 8080, 49999]);
    const newest = await listFindings(scope, q({ sort: "firstSeen", dir: "desc" }));
    expect(newest.slice(0, 2).map((r) => r.assetValue)).toEqual(["mail.example.test", "mail.example.test"]);
    const reversed = await listFindings(scope, q({ dir: "asc" }));
    expect(reversed.map((r) => r.id)).toEqual((await listFindings(scope, q())).map((r) => r.id).reverse());
    const page1 = await listFindings(scope, q({ pageSize: 4, page: 1 }));
    const page2 = await listFindings(scope, q({ pageSize: 4, page: 2 }));
    expect(page1).toHaveLength(4);
    expect(page2).toHaveLength(2);
    expect(new Set([...page1, ...page2].map((r) => r.id)).size).toBe(6);
  });

  it("keeps other organisations out: their asset id is not found and filters to nothing", async () => {
    const scope = ctxA;
    expect(await findFindingsAsset(scope, b.asset.id)).toBeNull();
    expect(await findFindingsAsset(scope, a2.id)).toMatchObject({ value: "mail.example.test" });
    expect(await listFindings(scope, q({ asset: b.asset.id }))).toEqual([]);
    expect(await countFindings(scope, { asset: b.asset.id })).toBe(0);
    const everything = await listFindings(ctxB, q());
    expect(everything.map((r) => r.assetValue)).toEqual(["other-tenant.example.test"]);
  });

  it("reads nothing for a member removed after their context was made (the check is repeated in the query)", async () => {
    const removed = await viewerContext(a.org.id, "findings:read");
    await db.membership.deleteMany({ where: { userId: removed.userId } });
    expect(await listFindings(removed, q())).toEqual([]);
    expect(await countFindings(removed, {})).toBe(0);
    expect(await findFindingsAsset(removed, a2.id)).toBeNull();
  });

  it("hides the ports of a deleted asset", async () => {
    const scope = ctxA;
    await db.asset.update({ where: { id: a2.id }, data: { deletedAt: new Date() } });
    try {
      expect(await countFindings(scope, {})).toBe(4);
    } finally {
      await db.asset.update({ where: { id: a2.id }, data: { deletedAt: null } });
    }
  });

  it("exports the filter in batches and as CSV a spreadsheet will not execute", async () => {
    const scope = ctxA;
    const sizes: number[] = [];
    for await (const batch of exportFindingBatches(scope, {}, 4)) sizes.push(batch.length);
    expect(sizes).toEqual([4, 2]);

    const csv = await new Response(findingsExportStream(scope, { asset: a2.id }, "csv")).text();
    const lines = csv.split("\r\n");
    expect(lines[0]).toMatch(/^asset,asset_label,ip,hostname,port,protocol,/);
    expect(csv).toContain(`"'=cmd|""/c calc""!A1, ""quoted""\r\nline"`);
    expect(csv).toContain("mail.example.test,,127.0.0.22,www.example.test,53,udp,open,");

    const json = JSON.parse(
      await new Response(findingsExportStream(scope, { severity: ["critical"] }, "json")).text(),
    ) as Record<string, unknown>[];
    expect(json).toEqual([
      expect.objectContaining({
        asset: "shop.example.test",
        port: 6379,
        severity: "critical",
        remediation: "Cache or key-value store reachable from the internet",
      }),
    ]);
    expect(
      JSON.parse(await new Response(findingsExportStream(scope, { q: "nothing-matches" }, "json")).text()),
    ).toEqual([]);
  });

  it("parses URL filters, reports each bad one and keeps the rest", () => {
    const { query, errors } = parseFindingsSearchParams({ severity: "critical,bogus", protocol: "UDP", page: "0" });
    expect(query).toMatchObject({ protocol: "udp", page: 1, sort: "severity", dir: "desc" });
    expect(query.severity).toBeUndefined();
    expect(errors.map((e) => e.field)).toEqual(["severity", "page"]);
  });
});
