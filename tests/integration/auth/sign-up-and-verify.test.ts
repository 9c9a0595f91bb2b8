import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { signUpAction } from "@/app/(auth)/sign-up/actions";
import { resendVerificationAction, resendVerificationByTokenAction } from "@/app/(auth)/verify-email/actions";
import { getSessionUser } from "@/lib/auth/session";
import { verifyEmail } from "@/lib/auth/verify-email";
import { hashToken } from "@/lib/auth/tokens";
import { actAs, newBrowser } from "./support/fake-browser";
import { form, linkToken, redirectOf } from "./support/forms";
import { smtpServerForFile } from "./support/smtp";
import { GOOD_PASSWORD, accountCounts } from "./support/users";

vi.mock("next/headers", async () => (await import("./support/fake-browser")).nextHeadersModule);

const smtp = smtpServerForFile();
const DAY = 24 * 60 * 60 * 1000;

describe("sign up", () => {
  it("creates the user and a trial organisation they own, mails a verification link, and sends them to check their inbox", async () => {
    const browser = actAs(newBrowser("127.0.0.10"));
    const before = Date.now();
    const location = await redirectOf(() =>
      signUpAction(undefined, form({ name: "Ann Example", email: "  Ann@Example.TEST ", password: GOOD_PASSWORD })),
    );
    expect(location).toBe("/verify-email?sent=1");

    const user = await db.user.findUniqueOrThrow({
      where: { email: "ann@example.test" },
      include: { memberships: { include: { organization: true } } },
    });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain(GOOD_PASSWORD);
    expect(user.emailVerifiedAt).toBeNull();
    expect(user.memberships).toHaveLength(1);
    const [membership] = user.memberships;
    expect(membership!.role).toBe("OWNER");
    expect(membership!.organization.name).toBe("Ann Example's organisation");
    expect(membership!.organization.plan).toBe("TRIAL");
    const trialMs = membership!.organization.trialEndsAt!.getTime() - before;
    expect(trialMs).toBeGreaterThan(14 * DAY - 60_000);
    expect(trialMs).toBeLessThan(14 * DAY + 60_000);
    expect(user.activeOrganizationId).toBe(membership!.organizationId);

    // Not signed in: an existing address gets the very same answer, so being signed in would tell them apart.
    expect([...browser.cookies.keys()]).not.toContain("authjs.session-token");
    expect(await getSessionUser()).toBeNull();

    const mail = await smtp.current.waitFor((m) => m.to.includes("ann@example.test"));
    expect(mail.subject).toBe("Confirm your email address for Portwatch");
    const token = linkToken(mail.text, "/verify-email");
    expect(mail.html).toContain(`/verify-email?token=${token}`);
    // Only the hash is stored.
    const stored = await db.userToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.purpose).toBe("EMAIL_VERIFICATION");
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(DAY);

    // Opening the link verifies the address; signing in then shows the account as verified.
    expect(await verifyEmail(token)).toEqual({ status: "verified", email: "ann@example.test", firstAsset: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();
    await redirectOf(() => signInAction(undefined, form({ email: "ann@example.test", password: GOOD_PASSWORD })));
    expect(await getSessionUser()).toEqual({
      id: user.id,
      email: "ann@example.test",
      name: "Ann Example",
      emailVerified: true,
      activeOrganizationId: membership!.organizationId,
    });

    // The same link again: already used, and the user is told they are verified.
    expect(await verifyEmail(token)).toEqual({ status: "used", alreadyVerified: true });
  });

  it("uses the organisation name from the form when given", async () => {
    actAs(newBrowser("127.0.0.11"));
    await redirectOf(() =>
      signUpAction(
        undefined,
        form({ name: "Bo", email: "bo@example.test", password: GOOD_PASSWORD, organizationName: "Bo Security Ltd" }),
      ),
    );
    const user = await db.user.findUniqueOrThrow({
      where: { email: "bo@example.test" },
      include: { memberships: { include: { organization: true } } },
    });
    expect(user.memberships[0]!.organization.name).toBe("Bo Security Ltd");
  });

  it("answers an address that already has an account exactly like a new one, changes nothing and mails the owner instead", async () => {
    actAs(newBrowser("127.0.0.12"));
    const before = await accountCounts();
    const mailsBefore = smtp.current.messages.filter((m) => m.to.includes("ann@example.test")).length;
    const location = await redirectOf(() =>
      signUpAction(
        undefined,
        form({ name: "Ann Again", email: "ANN@example.test", password: "another-long-passphrase-9" }),
      ),
    );
    expect(location).toBe("/verify-email?sent=1");
    expect(await getSessionUser()).toBeNull();
    expect(await accountCounts()).toEqual(before);
    const note = await smtp.current.waitFor(
      (m) =>
        m.to.includes("ann@example.test") &&
        smtp.current.messages.indexOf(m) >= 0 &&
        m.subject === "You already have a Portwatch account",
    );
    expect(note.text).toMatch(/already has one, so nothing was created or changed/);
    expect(smtp.current.messages.filter((m) => m.to.includes("ann@example.test")).length).toBe(mailsBefore + 1);
  });

  it("refuses short, common and email-as-password passwords with a message, creating nothing", async () => {
    actAs(newBrowser("127.0.0.13"));
    const before = await accountCounts();
    const attempt = (password: string) =>
      signUpAction(undefined, form({ name: "Cy", email: "cy@example.test", password }));

    expect(await attempt("short-pw")).toMatchObject({
      code: "invalid_input",
      fieldErrors: { password: ["Use at least 12 characters for your password."] },
    });
    expect(await attempt("1q2w3e4r5t6y")).toMatchObject({
      code: "invalid_input",
      fieldErrors: { password: [expect.stringMatching(/commonly used passwords/)] },
    });
    expect(await attempt("cy@example.test")).toMatchObject({
      code: "invalid_input",
      fieldErrors: { password: [expect.stringMatching(/email/)] },
    });
    expect(await accountCounts()).toEqual(before);
  });

  it("refuses malformed and oversized posts with a readable message, creating nothing", async () => {
    actAs(newBrowser("127.0.0.14"));
    const before = await accountCounts();

    const missing = await signUpAction(undefined, form({ email: "not-an-email" }));
    expect(missing).toMatchObject({ code: "invalid_input" });
    expect(missing).toMatchObject({
      error: expect.any(String),
      fieldErrors: {
        name: ["Enter your name."],
        email: [expect.stringMatching(/valid email/)],
        password: ["Choose a password."],
      },
    });

    const huge = await signUpAction(
      undefined,
      form({ name: "Dee", email: "dee@example.test", password: "x".repeat(20_000) }),
    );
    expect(huge).toMatchObject({ code: "payload_too_large", error: 'The field "password" is too long.' });

    const tooLong = await signUpAction(
      undefined,
      form({ name: "Dee", email: "dee@example.test", password: "x".repeat(300) }),
    );
    expect(tooLong).toMatchObject({
      code: "invalid_input",
      fieldErrors: { password: ["Use at most 256 characters for your password."] },
    });

    const file = await signUpAction(
      undefined,
      form({ name: "Dee", email: "dee@example.test", password: new Blob(["x"]) }),
    );
    expect(file).toMatchObject({ code: "invalid_input", error: 'The field "password" must be text.' });

    expect(await accountCounts()).toEqual(before);
  });
});

describe("verification links", () => {
  async function signUpFresh(email: string, ip: string) {
    actAs(newBrowser(ip));
    await redirectOf(() => signUpAction(undefined, form({ name: "Eve", email, password: GOOD_PASSWORD })));
    const mail = await smtp.current.waitFor((m) => m.to.includes(email));
    return linkToken(mail.text, "/verify-email");
  }

  it("an expired link is refused and verifies nothing; a new link can be sent from it and works", async () => {
    const token = await signUpFresh("eve@example.test", "127.0.0.20");
    await db.userToken.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await verifyEmail(token)).toEqual({ status: "expired" });
    expect((await db.user.findUniqueOrThrow({ where: { email: "eve@example.test" } })).emailVerifiedAt).toBeNull();

    // Someone not signed in on this device asks for a new link from the expired one.
    actAs(newBrowser("127.0.0.21"));
    const mailsBefore = smtp.current.messages.filter((m) => m.to.includes("eve@example.test")).length;
    const resent = await resendVerificationByTokenAction(undefined, form({ token }));
    expect(resent.success).toMatch(/We sent a new link/);
    const second = await smtp.current.waitFor(
      (m) =>
        m.to.includes("eve@example.test") &&
        smtp.current.messages.filter((x) => x.to.includes("eve@example.test")).indexOf(m) >= mailsBefore,
    );
    const newToken = linkToken(second.text, "/verify-email");
    expect(newToken).not.toBe(token);
    expect(await verifyEmail(newToken)).toMatchObject({ status: "verified" });
  });

  it("a link checked at 23h59 works, at 24h it has expired", async () => {
    const token = await signUpFresh("fay@example.test", "127.0.0.22");
    const row = await db.userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(await verifyEmail(token, new Date(row.createdAt.getTime() + DAY))).toEqual({ status: "expired" });
    expect(await verifyEmail(token, new Date(row.createdAt.getTime() + DAY - 60_000))).toMatchObject({
      status: "verified",
    });
  });

  it("an unknown, truncated or password-reset token is 'invalid'", async () => {
    const token = await signUpFresh("gus@example.test", "127.0.0.23");
    expect(await verifyEmail(token.slice(0, -1))).toEqual({ status: "invalid" });
    expect(await verifyEmail("A".repeat(43))).toEqual({ status: "invalid" });
    const user = await db.user.findUniqueOrThrow({ where: { email: "gus@example.test" } });
    await db.userToken.create({
      data: {
        userId: user.id,
        purpose: "PASSWORD_RESET",
        tokenHash: hashToken("reset-token-xyz"),
        expiresAt: new Date(Date.now() + 60_000),
      },
    });
    expect(await verifyEmail("reset-token-xyz")).toEqual({ status: "invalid" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();
  });

  it("two clicks at once verify once: one sees 'verified', the other 'used'", async () => {
    const token = await signUpFresh("hal@example.test", "127.0.0.24");
    const outcomes = await Promise.all([verifyEmail(token), verifyEmail(token)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["used", "verified"]);
  });

  it("the signed-in user can ask for a new link, a few times an hour at most", async () => {
    await signUpFresh("ida@example.test", "127.0.0.25"); // 1 link (sign-up)
    await redirectOf(() => signInAction(undefined, form({ email: "ida@example.test", password: GOOD_PASSWORD })));
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await resendVerificationAction(undefined, form({})));
    expect(results.slice(0, 4).every((r) => r.success?.startsWith("We sent a new link"))).toBe(true);
    expect(results[4]).toMatchObject({
      code: "rate_limited",
      error: expect.stringMatching(/several links in the last hour/),
    });
    await expect.poll(() => smtp.current.messages.filter((m) => m.to.includes("ida@example.test")).length).toBe(5);
  });

  it("asking for a new link without a session is refused as unauthenticated", async () => {
    actAs(newBrowser("127.0.0.26"));
    expect(await resendVerificationAction(undefined, form({}))).toMatchObject({ code: "unauthenticated" });
  });
});
