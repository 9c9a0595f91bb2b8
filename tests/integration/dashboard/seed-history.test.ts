import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { claimDueAssets } from "@/lib/monitoring/claim-due-assets";
import { countFindings } from "@/lib/findings/list-findings";
import { readOrgDailyRollup } from "@/lib/exposure-rollups/read-rollups";
import { getServiceComparison } from "@/lib/dashboard/service-comparison";
import { createSeedOrganization } from "@/scripts/seed/demo-organization";
import { generateHistory } from "@/scripts/seed/generate-history";
import { viewerContext } from "./member-context";

describe("generated history (seed:demo and bench:dashboard)", () => {
  it("writes graded open ports, closed history and daily rollups, on loopback addresses, and never gets scanned", async () => {
    const now = new Date("2026-11-28T10:00:00Z");
    const { organization } = await createSeedOrganization(db, {
      email: "seed-test@example.test",
      password: "seed-test-password-1",
      organizationName: "Seed test (sample data)",
      now,
    });
    const summary = await generateHistory(db, organization.id, {
      assets: 3,
      hosts: 6,
      openIntervals: 30,
      closedIntervals: 20,
      orgDays: 30,
      assetDays: 10,
      now,
      seed: 7,
      assetName: (i) => `seed-${i}.portwatch-demo.test`,
    });
    expect(summary).toMatchObject({ hosts: 6, openIntervals: 30, closedIntervals: 20 });

    const ctx = await viewerContext(organization.id, "findings:read");
    expect(await countFindings(ctx, {})).toBe(30);
    expect(await db.portInterval.count({ where: { organizationId: organization.id, closedAt: { not: null } } })).toBe(
      20,
    );
    // Every open TCP/answering port was graded by the real method; silent UDP stays ungraded.
    expect(
      await db.portInterval.count({
        where: { organizationId: organization.id, closedAt: null, severity: null, state: "open" },
      }),
    ).toBe(0);
    const hosts = await db.host.findMany({
      where: { organizationId: organization.id },
      select: { ip: true, hostname: true },
    });
    expect(hosts.every((h) => /^127\./.test(h.ip) && h.hostname.endsWith(".test"))).toBe(true);

    const series = await readOrgDailyRollup(await viewerContext(organization.id, "assets:read"), {
      since: new Date("2026-10-29T00:00:00Z"),
      until: now,
    });
    expect(series).toHaveLength(31);
    expect(series.at(-1)).toMatchObject({ openPorts: 30, grade: summary.grade, score: summary.score });
    // Today's rollup holds the typical-versus-detected groups the overview's chart reads.
    const comparison = await getServiceComparison(await viewerContext(organization.id, "assets:read"), 100, now);
    expect(comparison.openPorts).toBe(
      await db.portInterval.count({
        where: { organizationId: organization.id, closedAt: null, host: { catchAll: false } },
      }),
    );
    expect(comparison.openPorts).toBeGreaterThan(0);
    expect(await db.assetDailyRollup.count({ where: { organizationId: organization.id } })).toBe(3 * 11);

    // The monitor never picks the generated assets (their next scan is far in the future).
    const due = await claimDueAssets({
      now: new Date(),
      tickId: `seed-test-${Date.now()}`,
      perOrganizationCap: 100,
      globalCap: 1000,
    });
    expect(due.filter((d) => d.organizationId === organization.id)).toEqual([]);
  });

  it("seed:demo refuses to run in production", () => {
    const result = spawnSync("npx", ["tsx", "scripts/seed-demo.ts"], {
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "postgres://127.0.0.1:1/none" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/refuses to run with NODE_ENV=production/);
  });
});
