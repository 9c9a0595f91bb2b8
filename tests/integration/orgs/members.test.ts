import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { changeRoleAction, leaveOrganizationAction, removeMemberAction } from "@/app/(app)/settings/members/actions";
import { listMembers } from "@/lib/organizations/list-members";
import { LAST_OWNER_MESSAGES } from "@/lib/organizations/last-owner";
import { changeMemberRole } from "@/lib/organizations/change-member-role";
import { requireMembership } from "@/lib/authz/membership";
import { addMember, createOrg, createUser, form } from "./support/fixtures";
import { signInAs } from "./support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const roleOf = async (membershipId: string) =>
  (await db.membership.findUnique({ where: { id: membershipId } }))?.role ?? null;

describe("members and roles", () => {
  let owner: Awaited<ReturnType<typeof createUser>>;
  let admin: Awaited<ReturnType<typeof createUser>>;
  let viewer: Awaited<ReturnType<typeof createUser>>;
  let org: Awaited<ReturnType<typeof createOrg>>;
  let ownerM: { id: string };
  let adminM: { id: string };
  let viewerM: { id: string };

  beforeEach(async () => {
    owner = await createUser({ email: `owner-${Math.random().toString(36).slice(2)}@example.test` });
    admin = await createUser();
    viewer = await createUser();
    org = await createOrg(owner);
    ownerM = await db.membership.findFirstOrThrow({ where: { organizationId: org.id, userId: owner.id } });
    adminM = await addMember(org, admin, "ADMIN");
    viewerM = await addMember(org, viewer, "VIEWER");
  });

  it("lists members to any member, oldest first, and to no one else", async () => {
    const viewerCtx = await requireMembership(viewer.id, org.id, "members:read");
    const members = await listMembers(viewerCtx);
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [owner.email, "OWNER"],
      [admin.email, "ADMIN"],
      [viewer.email, "VIEWER"],
    ]);
    const stranger = await createUser();
    await expect(requireMembership(stranger.id, org.id, "members:read")).rejects.toThrow(/not found/);
    // The check is repeated in the query: a context from before the viewer was removed lists nothing.
    await db.membership.delete({ where: { id: viewerM.id } });
    expect(await listMembers(viewerCtx)).toEqual([]);
  });

  it("lets an admin switch members between admin and viewer", async () => {
    signInAs(admin);
    expect(await changeRoleAction(undefined, form({ membershipId: viewerM.id, role: "ADMIN" }))).toEqual({
      success: "Role changed to admin.",
    });
    expect(await roleOf(viewerM.id)).toBe("ADMIN");
  });

  it("does not let an admin make an owner or change an owner", async () => {
    signInAs(admin);
    expect(await changeRoleAction(undefined, form({ membershipId: viewerM.id, role: "OWNER" }))).toMatchObject({
      code: "forbidden",
      error: "Only an owner can make someone an owner.",
    });
    expect(await changeRoleAction(undefined, form({ membershipId: adminM.id, role: "OWNER" }))).toMatchObject({
      code: "forbidden",
    });
    expect(await changeRoleAction(undefined, form({ membershipId: ownerM.id, role: "VIEWER" }))).toMatchObject({
      code: "forbidden",
      error: "Only an owner can change an owner's role.",
    });
    expect([await roleOf(ownerM.id), await roleOf(adminM.id), await roleOf(viewerM.id)]).toEqual([
      "OWNER",
      "ADMIN",
      "VIEWER",
    ]);
  });

  it("does not let a viewer change roles", async () => {
    signInAs(viewer);
    expect(await changeRoleAction(undefined, form({ membershipId: viewerM.id, role: "ADMIN" }))).toMatchObject({
      code: "forbidden",
    });
    expect(await roleOf(viewerM.id)).toBe("VIEWER");
  });

  it("refuses to demote the last owner, and allows it once there is a second owner", async () => {
    signInAs(owner);
    expect(await changeRoleAction(undefined, form({ membershipId: ownerM.id, role: "ADMIN" }))).toMatchObject({
      code: "conflict",
      error: LAST_OWNER_MESSAGES.demote,
    });
    expect(await roleOf(ownerM.id)).toBe("OWNER");

    expect(await changeRoleAction(undefined, form({ membershipId: adminM.id, role: "OWNER" }))).toEqual({
      success: "Role changed to owner.",
    });
    expect(await changeRoleAction(undefined, form({ membershipId: ownerM.id, role: "ADMIN" }))).toEqual({
      success: "Role changed to admin.",
    });
    expect([await roleOf(ownerM.id), await roleOf(adminM.id)]).toEqual(["ADMIN", "OWNER"]);
  });

  it("keeps one owner when two owners demote each other at the same moment", async () => {
    await db.membership.update({ where: { id: adminM.id }, data: { role: "OWNER" } });
    const [ownerCtx, adminCtx] = await Promise.all(
      [owner, admin].map((u) => requireMembership(u.id, org.id, "members:manage")),
    );
    const results = await Promise.allSettled([
      changeMemberRole(ownerCtx!, { membershipId: adminM.id, role: "VIEWER" }),
      changeMemberRole(adminCtx!, { membershipId: ownerM.id, role: "VIEWER" }),
    ]);
    const owners = await db.membership.count({ where: { organizationId: org.id, role: "OWNER" } });
    expect(owners).toBe(1);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("lets only an owner remove a member, and a removed member loses access", async () => {
    signInAs(admin);
    expect(await removeMemberAction(undefined, form({ membershipId: viewerM.id }))).toMatchObject({
      code: "forbidden",
    });
    expect(await roleOf(viewerM.id)).toBe("VIEWER");

    signInAs(owner);
    expect(await removeMemberAction(undefined, form({ membershipId: viewerM.id }))).toEqual({
      success: "Member removed.",
    });
    expect(await roleOf(viewerM.id)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).activeOrganizationId).toBeNull();

    expect(await removeMemberAction(undefined, form({ membershipId: ownerM.id }))).toMatchObject({
      code: "invalid_input",
      error: expect.stringMatching(/Leave organisation/),
    });
    expect(await roleOf(ownerM.id)).toBe("OWNER");
  });

  it("does not let the last owner leave, with a clear message", async () => {
    signInAs(owner);
    expect(await leaveOrganizationAction(undefined, form({}))).toMatchObject({
      code: "conflict",
      error: LAST_OWNER_MESSAGES.leave,
    });
    expect(await roleOf(ownerM.id)).toBe("OWNER");
  });

  it("lets a member leave and moves their active organisation to another one they belong to", async () => {
    const elsewhere = await createOrg(await createUser());
    await addMember(elsewhere, viewer, "VIEWER");
    await db.user.update({ where: { id: viewer.id }, data: { activeOrganizationId: org.id } });
    signInAs(viewer);
    expect(await leaveOrganizationAction(undefined, form({ organizationId: org.id }))).toEqual({
      success: "You left the organisation.",
    });
    expect(await roleOf(viewerM.id)).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.id } })).activeOrganizationId).toBe(elsewhere.id);
  });

  it("rejects a malformed role with a readable message", async () => {
    signInAs(owner);
    expect(await changeRoleAction(undefined, form({ membershipId: viewerM.id, role: "SUPERUSER" }))).toMatchObject({
      code: "invalid_input",
      fieldErrors: { role: ["Choose owner, admin or viewer."] },
    });
    expect(await roleOf(viewerM.id)).toBe("VIEWER");
  });
});
