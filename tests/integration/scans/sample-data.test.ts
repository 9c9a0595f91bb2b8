import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { requireMembership } from "@/lib/authz/membership";
import { AppError } from "@/lib/errors";
import { claimDueAssets } from "@/lib/monitoring/claim-due-assets";
import { startScan } from "@/lib/scan-runs/start-scan";
import { createUser } from "../orgs/support/fixtures";
import { createOrgWithAsset } from "./fixtures";

describe("an organisation of generated sample data (seed:demo)", () => {
  it("refuses 'Scan now' with a message saying why, creates no run, and is never scheduled", async () => {
    const { org, asset } = await createOrgWithAsset({ plan: "PRO", value: "shop.portwatch-demo.test" });
    await db.organization.update({ where: { id: org.id }, data: { sampleData: true } });
    const owner = await createUser();
    await db.membership.create({ data: { organizationId: org.id, userId: owner.id, role: "OWNER" } });
    const ctx = await requireMembership(owner.id, org.id, "scans:start");

    const refused = await startScan(ctx, asset.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/demo organisation.*sample data/),
    });
    expect(await db.scanRun.count({ where: { organizationId: org.id } })).toBe(0);

    // Due (never scanned), yet the monitor leaves it alone.
    const due = await claimDueAssets({
      now: new Date(),
      tickId: `sample-${org.id}`,
      perOrganizationCap: 10,
      globalCap: 1000,
    });
    expect(due.filter((d) => d.organizationId === org.id)).toEqual([]);
  });
});
