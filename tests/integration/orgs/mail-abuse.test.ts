import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { inviteMemberAction } from "@/app/(app)/settings/members/actions";
import { renameOrganizationAction } from "@/app/(app)/settings/organization/actions";
import { INVITATION_QUOTAS } from "@/lib/invitations/invitation-policy";
import { addMember, createOrg, createUser, form } from "./support/fixtures";
import { signInAs } from "./support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

const perUserHour = INVITATION_QUOTAS.perUser[0].limit;
const perOrgHour = INVITATION_QUOTAS.perOrganization[0].limit;

describe("invitation mail cannot be turned into a spam cannon", () => {
  beforeEach(() => {
    vi.stubEnv("SMTP_URL", "");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("one user sending 30 invitations in a row: the quota stops them and no more mail goes out", async () => {
    const owner = await createUser();
    await createOrg(owner);
    signInAs(owner);
    const results = [];
    for (let i = 0; i < 30; i++)
      results.push(await inviteMemberAction(undefined, form({ email: `spam-${i}@example.test`, role: "VIEWER" })));
    expect(results.filter((r) => r.success)).toHaveLength(perUserHour);
    expect(results[perUserHour]).toMatchObject({
      code: "rate_limited",
      error: expect.stringMatching(/invitations in the last hour/),
    });
    expect(await db.devMail.count({ where: { to: { startsWith: "spam-" } } })).toBe(perUserHour);
  });

  it("several admins of one organisation share its quota", async () => {
    const owner = await createUser();
    const org = await createOrg(owner);
    const admins = await Promise.all([0, 1, 2].map(() => createUser()));
    for (const admin of admins) await addMember(org, admin, "ADMIN");
    let sent = 0;
    let refused: unknown = null;
    for (const [n, admin] of admins.entries()) {
      signInAs(admin);
      for (let i = 0; i < perUserHour && !refused; i++) {
        const r = await inviteMemberAction(undefined, form({ email: `team-${n}-${i}@example.test`, role: "VIEWER" }));
        if (r.success) sent++;
        else refused = r;
      }
    }
    expect(sent).toBe(perOrgHour);
    expect(refused).toMatchObject({ code: "rate_limited", error: expect.stringMatching(/This organisation has sent/) });
  });

  it("never puts a user-written organisation name in the subject, and a stored CRLF name no longer breaks invitations", async () => {
    const owner = await createUser();
    const org = await createOrg(owner, { name: "Visit https://evil.example/win\r\nBcc: everyone@example.test" });
    signInAs(owner);
    expect(await inviteMemberAction(undefined, form({ email: "victim@example.test", role: "VIEWER" }))).toMatchObject({
      success: expect.any(String),
    });
    const mail = await db.devMail.findFirstOrThrow({ where: { to: "victim@example.test" } });
    expect(mail.subject).toBe("You are invited to join an organisation on Portwatch");
    expect(mail.subject).not.toMatch(/evil/);
    expect(org.id).toBeTruthy();
  });

  it("refuses control characters in an organisation's new name", async () => {
    const owner = await createUser();
    await createOrg(owner, { name: "Fine" });
    signInAs(owner);
    const result = await renameOrganizationAction(undefined, form({ name: "Acme\r\nBcc: x@example.test" }));
    expect(result).toMatchObject({
      code: "invalid_input",
      fieldErrors: { name: [expect.stringMatching(/control characters/)] },
    });
  });
});

describe("an unconfirmed address cannot hand out access", () => {
  beforeEach(() => vi.stubEnv("SMTP_URL", ""));
  afterEach(() => vi.unstubAllEnvs());

  it("refuses invitations, role changes and removals until the owner's email is verified", async () => {
    const squatter = await createUser({ email: "real.person@example.test", verified: false });
    const org = await createOrg(squatter);
    const accomplice = await createUser();
    const m = await addMember(org, accomplice, "VIEWER");
    signInAs(squatter);

    const invite = await inviteMemberAction(undefined, form({ email: "accomplice2@example.test", role: "OWNER" }));
    expect(invite).toMatchObject({
      code: "forbidden",
      error: expect.stringMatching(/Confirm your email address first/),
    });
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(await db.devMail.count({ where: { to: "accomplice2@example.test" } })).toBe(0);

    const { changeRoleAction, removeMemberAction } = await import("@/app/(app)/settings/members/actions");
    expect(await changeRoleAction(undefined, form({ membershipId: m.id, role: "OWNER" }))).toMatchObject({
      code: "forbidden",
    });
    expect(await removeMemberAction(undefined, form({ membershipId: m.id }))).toMatchObject({ code: "forbidden" });
    expect(await db.membership.findUniqueOrThrow({ where: { id: m.id } })).toMatchObject({ role: "VIEWER" });

    await db.user.update({ where: { id: squatter.id }, data: { emailVerifiedAt: new Date() } });
    expect(await changeRoleAction(undefined, form({ membershipId: m.id, role: "ADMIN" }))).toMatchObject({
      success: expect.any(String),
    });
  });
});
