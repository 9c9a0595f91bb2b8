import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET } from "@/app/api/orgs/[orgId]/scans/[scanRunId]/route";
import { db } from "@/lib/db/client";
import { createScanRun } from "@/lib/scan-runs/create-scan-run";
import { createOrg, createUser } from "../orgs/support/fixtures";
import { signInAs } from "../orgs/support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

async function get(orgId: string, scanRunId: string) {
  const req = new NextRequest(`http://127.0.0.1/api/orgs/${orgId}/scans/${scanRunId}`);
  const res = await GET(req, { params: Promise.resolve({ orgId, scanRunId }) });
  return {
    status: res.status,
    body: (await res.json()) as { scanRun?: Record<string, unknown>; error?: { code: string } },
  };
}

describe("GET /api/orgs/[orgId]/scans/[scanRunId]", () => {
  it("returns the live progress to a member, and nothing to anyone else", async () => {
    const owner = await createUser();
    const org = await createOrg(owner);
    const asset = await db.asset.create({
      data: { organizationId: org.id, kind: "DOMAIN", value: "progress.example.test" },
    });
    const run = await createScanRun(org.id, { assetId: asset.id, trigger: "MANUAL" });
    await db.scanRun.update({
      where: { id: run.id },
      data: { status: "RUNNING", hostsTotal: 4, hostsDone: 1, portsFound: 7 },
    });

    signInAs(owner);
    const ok = await get(org.id, run.id);
    expect(ok.status).toBe(200);
    expect(ok.body.scanRun).toMatchObject({
      id: run.id,
      status: "RUNNING",
      hostsDone: 1,
      hostsTotal: 4,
      portsFound: 7,
      graded: false,
    });

    const stranger = await createUser();
    const otherOrg = await createOrg(stranger);
    signInAs(stranger);
    expect((await get(org.id, run.id)).status).toBe(404);
    // Their own organisation's id with our run id: still nothing.
    expect((await get(otherOrg.id, run.id)).status).toBe(404);

    signInAs(null);
    expect((await get(org.id, run.id)).status).toBe(401);
  });
});
