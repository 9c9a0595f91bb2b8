import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { switchOrganizationAction } from "@/app/(app)/actions";
import { createOrganizationAction } from "@/app/(app)/organizations/new/actions";
import { renameOrganizationAction } from "@/app/(app)/settings/organization/actions";
import { listMyOrganizations } from "@/lib/authz/membership";
import { addMember, createOrg, createUser, form } from "./support/fixtures";
import { signInAs } from "./support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

describe("organisations", () => {
  let owner: Awaited<ReturnType<typeof createUser>>;
  let admin: Awaited<ReturnType<typeof createUser>>;
  let org: Awaited<ReturnType<typeof createOrg>>;

  beforeEach(async () => {
    owner = await createUser();
    admin = await createUser();
    org = await createOrg(owner, { name: "Acme" });
    await addMember(org, admin, "ADMIN");
  });

  it("lets the owner rename the organisation, trimming the name", async () => {
    signInAs(owner);
    const result = await renameOrganizationAction(undefined, form({ name: "  Acme Security  " }));
    expect(result).toEqual({ success: "The organisation is now called “Acme Security”." });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Acme Security");
  });

  it("refuses a rename by an admin and an empty or oversized name, leaving the name unchanged", async () => {
    signInAs(admin);
    expect(await renameOrganizationAction(undefined, form({ name: "Hijacked" }))).toMatchObject({
      code: "forbidden",
      error: expect.stringMatching(/owner role/),
    });
    signInAs(owner);
    expect(await renameOrganizationAction(undefined, form({ name: "   " }))).toMatchObject({
      code: "invalid_input",
      fieldErrors: { name: ["Enter a name for the organisation."] },
    });
    expect(await renameOrganizationAction(undefined, form({ name: "x".repeat(101) }))).toMatchObject({
      code: "invalid_input",
      error: "An organisation name can be at most 100 characters.",
    });
    expect((await db.organization.findUniqueOrThrow({ where: { id: org.id } })).name).toBe("Acme");
  });

  it("creates another organisation on a 14-day trial with the creator as owner, and switches to it", async () => {
    signInAs(admin);
    const before = Date.now();
    const result = await createOrganizationAction(undefined, form({ name: "Side project" }));
    expect(result.success).toMatch(/Side project.*14-day free trial/);
    const created = await db.organization.findFirstOrThrow({
      where: { name: "Side project" },
      include: { memberships: true },
    });
    expect(created.plan).toBe("TRIAL");
    const days = (created.trialEndsAt!.getTime() - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);
    expect(created.memberships).toMatchObject([{ userId: admin.id, role: "OWNER" }]);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).activeOrganizationId).toBe(created.id);
    expect((await listMyOrganizations(admin.id)).map((o) => [o.name, o.role])).toEqual([
      ["Acme", "ADMIN"],
      ["Side project", "OWNER"],
    ]);
  });

  it("switches only to an organisation the user belongs to", async () => {
    const stranger = await createUser();
    const other = await createOrg(stranger, { name: "Other" });
    const second = await createOrg(owner, { name: "Second" });
    await db.user.update({ where: { id: owner.id }, data: { activeOrganizationId: org.id } });
    signInAs(owner);

    expect(await switchOrganizationAction(undefined, form({ organizationId: second.id }))).toEqual({
      success: "Organisation switched.",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).activeOrganizationId).toBe(second.id);

    expect(await switchOrganizationAction(undefined, form({ organizationId: other.id }))).toMatchObject({
      code: "not_found",
      error: "Organisation was not found.",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).activeOrganizationId).toBe(second.id);
  });

  it("asks a signed-out visitor to sign in", async () => {
    signInAs(null);
    expect(await createOrganizationAction(undefined, form({ name: "X" }))).toMatchObject({ code: "unauthenticated" });
    expect(await db.organization.count({ where: { name: "X" } })).toBe(0);
  });
});
