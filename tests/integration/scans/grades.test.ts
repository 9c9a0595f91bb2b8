import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { gradeAssetExposure } from "@/lib/grade-snapshots/grade-asset-exposure";
import { regradeOrganization } from "@/lib/grade-snapshots/regrade-organization";
import { GRADING_METHOD_VERSION } from "@/lib/grading";
import { storeHostObservations } from "@/lib/scan-runs/store-host-observations";
import { createOrgWithAsset, openPort, startRunWithHost } from "./fixtures";

describe("grades from stored observations", () => {
  it("grades the asset's open intervals, stores findings with deductions, and is idempotent per scan", async () => {
    const { org, asset } = await createOrgWithAsset();
    const { scanRunId, hostId } = await startRunWithHost(org.id, asset.id);
    // MySQL alone: high severity, 100 − 20 = 80, held to the high ceiling 79 → C (docs/grading.md §8).
    await storeHostObservations(org.id, {
      scanRunId,
      hostId,
      ports: [openPort(3306, { typicalService: "mysql", detectedService: "mysql" })],
      catchAll: false,
      observedAt: new Date(),
    });
    const asOf = new Date("2026-07-01T00:00:00Z");
    const graded = await gradeAssetExposure(org.id, { assetId: asset.id, scanRunId, asOf });
    const again = await gradeAssetExposure(org.id, { assetId: asset.id, scanRunId, asOf });

    expect(graded).toMatchObject({ grade: "C", score: 79, methodVersion: GRADING_METHOD_VERSION });
    expect(again).toEqual(graded);
    expect(await db.gradeSnapshot.count({ where: { assetId: asset.id } })).toBe(1);
    const snapshot = await db.gradeSnapshot.findFirstOrThrow({ where: { assetId: asset.id } });
    const findings = (snapshot.findings as { findings: { ruleId: string; deduction: number; severity: string }[] })
      .findings;
    expect(findings).toEqual([expect.objectContaining({ ruleId: "mysql", severity: "high", deduction: 20 })]);
    expect(await db.asset.findUniqueOrThrow({ where: { id: asset.id } })).toMatchObject({
      grade: "C",
      score: 79,
      gradedAt: asOf,
    });
  });

  it("regrades the organisation, reports a change once per cause, and excludes deleted assets", async () => {
    const { org, asset } = await createOrgWithAsset();
    const other = await db.asset.create({
      data: { organizationId: org.id, kind: "DOMAIN", value: "clean.example.test", score: 100, grade: "A" },
    });
    await db.asset.update({ where: { id: asset.id }, data: { score: 48, grade: "F" } });

    const first = await regradeOrganization(org.id, { cause: "scan:one", asOf: new Date() });
    // (1.52 × 48 + 1 × 100) / 2.52 = 68.63, held to 48 + 20 = 68 → D
    expect(first).toMatchObject({ previous: null, current: { grade: "D", score: 68 }, changed: true });
    expect(await regradeOrganization(org.id, { cause: "scan:one", asOf: new Date() })).toEqual(first);
    expect(await regradeOrganization(org.id, { cause: "scan:two", asOf: new Date() })).toMatchObject({
      changed: false,
    });

    await db.asset.update({ where: { id: asset.id }, data: { deletedAt: new Date() } });
    const afterDelete = await regradeOrganization(org.id, { cause: `asset-deleted:${asset.id}`, asOf: new Date() });
    expect(afterDelete).toMatchObject({
      previous: { grade: "D", score: 68 },
      current: { grade: "A", score: 100 },
      changed: true,
    });
    expect(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).toMatchObject({
      grade: "A",
      score: 100,
    });
    expect(await db.gradeSnapshot.count({ where: { organizationId: org.id, assetId: null } })).toBe(3);
    void other;
  });

  it("grades what the scanner observed: HTTP that redirects to HTTPS, and a DNS server open to recursion", async () => {
    const { org, asset } = await createOrgWithAsset();
    const { scanRunId, hostId } = await startRunWithHost(org.id, asset.id);
    await storeHostObservations(org.id, {
      scanRunId,
      hostId,
      ports: [
        openPort(80, { facts: { redirectsToHttps: true } }),
        openPort(53, {
          protocol: "udp",
          typicalService: "domain",
          detectedService: "domain",
          facts: { recursionAvailable: true },
        }),
      ],
      catchAll: false,
      observedAt: new Date(),
    });
    await gradeAssetExposure(org.id, { assetId: asset.id, scanRunId, asOf: new Date() });
    const snapshot = await db.gradeSnapshot.findFirstOrThrow({ where: { assetId: asset.id } });
    const findings = (
      snapshot.findings as { findings: { finding: { port: number }; ruleId: string; severity: string }[] }
    ).findings;
    expect(findings.map((f) => [f.finding.port, f.ruleId, f.severity]).sort()).toEqual([
      [53, "dns-open-resolver", "high"],
      [80, "http-redirect", "info"],
    ]);
  });

  it("another organisation's ids yield nothing", async () => {
    const mine = await createOrgWithAsset();
    const theirs = await createOrgWithAsset();
    const { scanRunId } = await startRunWithHost(mine.org.id, mine.asset.id);
    expect(await gradeAssetExposure(theirs.org.id, { assetId: mine.asset.id, scanRunId, asOf: new Date() })).toBeNull();
    expect(await db.gradeSnapshot.count({ where: { assetId: mine.asset.id } })).toBe(0);
  });
});
