import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { inviteMemberAction, revokeInvitationAction } from "@/app/(app)/settings/members/actions";
import { acceptInvitationAction } from "@/app/invite/[token]/actions";
import { findInvitationByToken } from "@/lib/invitations/find-invitation";
import { listPendingInvitations } from "@/lib/invitations/list-invitations";
import { requireMembership } from "@/lib/authz/membership";
import { closeSmtpTransports } from "@/lib/mail/transport";
import { startSmtpServer } from "@/tests/helpers/smtp-server";
import { addMember, createOrg, createUser, form } from "./support/fixtures";
import { signInAs } from "./support/session-mock";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

/** The token, read back from the link in the invitation mail the way the invitee gets it. */
async function tokenMailedTo(email: string): Promise<string> {
  const mail = await db.devMail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const match = /https?:\/\/\S+\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return match[1]!;
}

describe("invitations", () => {
  let owner: Awaited<ReturnType<typeof createUser>>;
  let admin: Awaited<ReturnType<typeof createUser>>;
  let org: Awaited<ReturnType<typeof createOrg>>;

  beforeEach(async () => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("APP_URL", "http://127.0.0.1:3999");
    owner = await createUser({ name: "Olivia" });
    admin = await createUser();
    org = await createOrg(owner, { name: "Acme" });
    await addMember(org, admin, "ADMIN");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("mails a single-use link that adds the invitee with the invited role", async () => {
    signInAs(owner);
    const sent = await inviteMemberAction(undefined, form({ email: "  New.Person@Example.TEST ", role: "ADMIN" }));
    expect(sent.success).toMatch(/^Invitation sent to new.person@example.test\./);
    const mail = await db.devMail.findFirstOrThrow({ where: { to: "new.person@example.test" } });
    expect(mail.subject).toBe("You are invited to join an organisation on Portwatch");
    expect(mail.text).toContain("Olivia");
    const token = await tokenMailedTo("new.person@example.test");
    expect(mail.text).toContain(`http://127.0.0.1:3999/invite/${token}`);

    // Only the hash is stored.
    const stored = await db.invitation.findFirstOrThrow({ where: { organizationId: org.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 86_400_000);
    expect(await findInvitationByToken(token)).toMatchObject({
      organizationName: "Acme",
      role: "ADMIN",
      state: "pending",
    });

    const invitee = await createUser({ email: "new.person@example.test" });
    signInAs(invitee);
    const accepted = await acceptInvitationAction(undefined, form({ token }));
    expect(accepted).toMatchObject({
      success: "Welcome! You joined the organisation.",
      data: { organizationId: org.id },
    });
    expect(await db.membership.findFirst({ where: { organizationId: org.id, userId: invitee.id } })).toMatchObject({
      role: "ADMIN",
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: invitee.id } })).activeOrganizationId).toBe(org.id);

    // Single use: a second click is refused, plainly.
    expect(await acceptInvitationAction(undefined, form({ token }))).toMatchObject({
      code: "gone",
      error: expect.stringMatching(/already been used/),
    });
  });

  it("refuses a signed-in user whose address is not the invited one", async () => {
    signInAs(owner);
    await inviteMemberAction(undefined, form({ email: "invited@example.test", role: "VIEWER" }));
    const token = await tokenMailedTo("invited@example.test");
    const other = await createUser({ email: "someone-else@example.test" });
    signInAs(other);
    expect(await acceptInvitationAction(undefined, form({ token }))).toMatchObject({
      code: "forbidden",
      error: expect.stringMatching(/sent to invited@example.test, but you are signed in as someone-else@example.test/),
    });
    expect(await db.membership.count({ where: { organizationId: org.id, userId: other.id } })).toBe(0);
    expect((await db.invitation.findFirstOrThrow({ where: { email: "invited@example.test" } })).acceptedAt).toBeNull();
  });

  it("explains an expired invitation and changes nothing", async () => {
    signInAs(owner);
    await inviteMemberAction(undefined, form({ email: "late@example.test", role: "VIEWER" }));
    const token = await tokenMailedTo("late@example.test");
    await db.invitation.updateMany({
      where: { email: "late@example.test" },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const late = await createUser({ email: "late@example.test" });
    signInAs(late);
    expect(await acceptInvitationAction(undefined, form({ token }))).toMatchObject({
      code: "gone",
      error: expect.stringMatching(/^This invitation expired on .*Ask the person who invited you for a new one\.$/),
    });
    expect(await db.membership.count({ where: { organizationId: org.id, userId: late.id } })).toBe(0);
  });

  it("explains an unknown or truncated link", async () => {
    const someone = await createUser();
    signInAs(someone);
    expect(await acceptInvitationAction(undefined, form({ token: "A".repeat(43) }))).toMatchObject({
      code: "not_found",
      error: expect.stringMatching(/link is not valid/),
    });
    expect(await acceptInvitationAction(undefined, form({ token: "" }))).toMatchObject({ code: "invalid_input" });
  });

  it("withdraws a revoked invitation's link", async () => {
    signInAs(admin);
    await inviteMemberAction(undefined, form({ email: "maybe@example.test", role: "VIEWER" }));
    const token = await tokenMailedTo("maybe@example.test");
    const adminCtx = await requireMembership(admin.id, org.id, "members:manage");
    const [pending] = await listPendingInvitations(adminCtx);
    expect(await revokeInvitationAction(undefined, form({ invitationId: pending!.id }))).toMatchObject({
      success: expect.stringMatching(/withdrawn/),
    });
    expect(await listPendingInvitations(adminCtx)).toEqual([]);
    signInAs(await createUser({ email: "maybe@example.test" }));
    expect(await acceptInvitationAction(undefined, form({ token }))).toMatchObject({
      code: "gone",
      error: expect.stringMatching(/withdrawn/),
    });
  });

  it("replaces an earlier pending invitation to the same address", async () => {
    signInAs(owner);
    await inviteMemberAction(undefined, form({ email: "twice@example.test", role: "VIEWER" }));
    const first = await tokenMailedTo("twice@example.test");
    await new Promise((r) => setTimeout(r, 5));
    await inviteMemberAction(undefined, form({ email: "twice@example.test", role: "ADMIN" }));
    const second = await tokenMailedTo("twice@example.test");
    expect(second).not.toBe(first);
    expect((await findInvitationByToken(first))?.state).toBe("revoked");
    expect(
      (await listPendingInvitations(await requireMembership(owner.id, org.id, "members:manage"))).map((i) => [
        i.email,
        i.role,
      ]),
    ).toEqual([["twice@example.test", "ADMIN"]]);
  });

  it("does not let an admin invite an owner, a viewer invite anyone, or anyone re-invite a member", async () => {
    signInAs(admin);
    expect(await inviteMemberAction(undefined, form({ email: "boss@example.test", role: "OWNER" }))).toMatchObject({
      code: "forbidden",
      error: "Only an owner can invite another owner.",
    });
    const viewer = await createUser();
    await addMember(org, viewer, "VIEWER");
    signInAs(viewer);
    expect(await inviteMemberAction(undefined, form({ email: "friend@example.test", role: "VIEWER" }))).toMatchObject({
      code: "forbidden",
    });
    signInAs(owner);
    expect(await inviteMemberAction(undefined, form({ email: admin.email, role: "VIEWER" }))).toMatchObject({
      code: "conflict",
      error: `${admin.email} is already a member of this organisation.`,
    });
    expect(await inviteMemberAction(undefined, form({ email: "not-an-address", role: "VIEWER" }))).toMatchObject({
      code: "invalid_input",
      fieldErrors: { email: ["Enter a valid e-mail address, like alice@example.com."] },
    });
    expect(await db.invitation.count({ where: { organizationId: org.id } })).toBe(0);
    expect(
      await db.devMail.count({ where: { to: { in: ["boss@example.test", "friend@example.test", admin.email] } } }),
    ).toBe(0);
  });

  it("sends the invitation over SMTP when SMTP_URL is set", async () => {
    const smtp = await startSmtpServer();
    try {
      vi.stubEnv("SMTP_URL", smtp.url);
      signInAs(owner);
      expect(
        (await inviteMemberAction(undefined, form({ email: "wire@example.test", role: "VIEWER" }))).success,
      ).toMatch(/Invitation sent/);
      const mail = await smtp.waitFor((m) => m.to.includes("wire@example.test"));
      expect(mail.subject).toBe("You are invited to join an organisation on Portwatch");
      const token = /http:\/\/127\.0\.0\.1:3999\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      expect((await findInvitationByToken(token ?? ""))?.email).toBe("wire@example.test");
      expect(await db.devMail.count({ where: { to: "wire@example.test" } })).toBe(0);
    } finally {
      closeSmtpTransports();
      await smtp.stop();
    }
  });

  it("creates no invitation when the mail cannot be sent, and keeps the earlier link working", async () => {
    signInAs(owner);
    await inviteMemberAction(undefined, form({ email: "unreachable@example.test", role: "VIEWER" }));
    const earlier = await tokenMailedTo("unreachable@example.test");
    vi.stubEnv("SMTP_URL", "smtp://127.0.0.1:1");
    expect(
      await inviteMemberAction(undefined, form({ email: "unreachable@example.test", role: "ADMIN" })),
    ).toMatchObject({
      code: "internal",
      error: expect.stringMatching(/could not be sent, so no invitation was created/),
    });
    expect(await db.invitation.count({ where: { email: "unreachable@example.test" } })).toBe(1);
    expect(await findInvitationByToken(earlier)).toMatchObject({ state: "pending", role: "VIEWER" });
  });
});
