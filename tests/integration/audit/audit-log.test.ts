import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The Inngest client reads its environment when it is created: point it at the loopback capture first.
const capture = await vi.hoisted(async () => {
  const { startEventCapture } = await import("../assets/event-capture");
  const c = await startEventCapture();
  process.env.INNGEST_BASE_URL = c.url;
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_DEV = "0";
  return c;
});

import { db } from "@/lib/db/client";
import { addAssetAction, deleteAssetAction } from "@/app/(app)/assets/actions";
import { changeRoleAction, inviteMemberAction, removeMemberAction } from "@/app/(app)/settings/members/actions";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password-hash";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { purgeAuditEvents } from "@/lib/audit/purge-audit-events";
import { requireMembership } from "@/lib/authz/membership";
import { addMember, createOrg, createUser, form } from "../orgs/support/fixtures";
import { signInAs } from "../orgs/support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

afterAll(() => capture.close());

describe("audit log", () => {
  beforeEach(() => vi.stubEnv("SMTP_URL", ""));
  afterEach(() => vi.unstubAllEnvs());

  it("records security events of the organisation and shows them to owners only, newest first", async () => {
    const owner = await createUser({ email: "audit-owner@example.test" });
    await db.user.update({
      where: { id: owner.id },
      data: { passwordHash: await hashPassword("tangerine-ocelot-47-viaduct") },
    });
    const org = await createOrg(owner);
    const admin = await createUser({ email: "audit-admin@example.test" });
    const adminMembership = await addMember(org, admin, "ADMIN");
    const viewer = await createUser();
    const viewerMembership = await addMember(org, viewer, "VIEWER");
    const outsider = await createUser();
    await createOrg(outsider);

    await authenticate({ email: "audit-owner@example.test", password: "wrong-password-here", ip: "127.0.8.1" }).catch(
      () => {},
    );
    await authenticate({ email: "audit-owner@example.test", password: "tangerine-ocelot-47-viaduct", ip: "127.0.8.1" });
    signInAs(owner);
    await inviteMemberAction(undefined, form({ email: "new@example.test", role: "VIEWER" }));
    await changeRoleAction(undefined, form({ membershipId: viewerMembership.id, role: "ADMIN" }));
    await removeMemberAction(undefined, form({ membershipId: viewerMembership.id }));
    await addAssetAction(undefined, form({ value: "audited.test" }));
    const asset = await db.asset.findFirstOrThrow({ where: { organizationId: org.id, value: "audited.test" } });
    await deleteAssetAction(undefined, form({ assetId: asset.id }));

    const ctx = await requireMembership(owner.id, org.id, "audit:read");
    const events = await listAuditEvents(ctx);
    expect(events.map((e) => e.action)).toEqual([
      "asset.deleted",
      "asset.added",
      "member.removed",
      "member.role_changed",
      "invitation.sent",
      "auth.sign_in_succeeded",
      "auth.sign_in_failed",
    ]);
    expect(events.find((e) => e.action === "member.role_changed")).toMatchObject({
      actorEmail: "audit-owner@example.test",
      details: { from: "VIEWER", to: "ADMIN" },
    });
    expect(events.find((e) => e.action === "auth.sign_in_failed")).toMatchObject({ ip: "127.0.8.1" });

    // Admins may not read it; another organisation's owner sees none of it.
    await expect(requireMembership(admin.id, org.id, "audit:read")).rejects.toMatchObject({ code: "forbidden" });
    const theirs = await db.organization.findFirstOrThrow({
      where: { memberships: { some: { userId: outsider.id } } },
    });
    const outsiderCtx = await requireMembership(outsider.id, theirs.id, "audit:read");
    expect(await listAuditEvents(outsiderCtx)).toEqual([]);
    expect(adminMembership.id).toBeTruthy();
  });

  it("keeps events for a year, then the purge removes them", async () => {
    const owner = await createUser();
    const org = await createOrg(owner);
    const now = new Date();
    await db.auditEvent.createMany({
      data: [
        { organizationId: org.id, action: "asset.added", createdAt: new Date(now.getTime() - 366 * 86_400_000) },
        { organizationId: org.id, action: "asset.deleted", createdAt: new Date(now.getTime() - 300 * 86_400_000) },
      ],
    });
    expect(await purgeAuditEvents(now)).toBeGreaterThanOrEqual(1);
    expect((await db.auditEvent.findMany({ where: { organizationId: org.id } })).map((e) => e.action)).toEqual([
      "asset.deleted",
    ]);
  });
});
