import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { requestPasswordResetAction } from "@/app/(auth)/forgot-password/actions";
import { resetPasswordAction } from "@/app/(auth)/reset-password/actions";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { checkResetLink } from "@/lib/auth/reset-password";
import { getSessionUser } from "@/lib/auth/session";
import { hashToken } from "@/lib/auth/tokens";
import { actAs, newBrowser, type FakeBrowser } from "./support/fake-browser";
import { form, linkToken, redirectOf } from "./support/forms";
import { smtpServerForFile } from "./support/smtp";
import { GOOD_PASSWORD, createUser } from "./support/users";

vi.mock("next/headers", async () => (await import("./support/fake-browser")).nextHeadersModule);

const smtp = smtpServerForFile();
const NEW_PASSWORD = "marmalade-glacier-81-otter";
const GENERIC =
  "If an account exists for that email, we have sent a link to reset its password. The link expires in 1 hour.";

async function signedInBrowser(email: string, ip: string, password = GOOD_PASSWORD): Promise<FakeBrowser> {
  const browser = actAs(newBrowser(ip));
  await redirectOf(() => signInAction(undefined, form({ email, password })));
  return browser;
}

const mailsTo = (email: string) => smtp.current.messages.filter((m) => m.to.includes(email));

async function requestLink(email: string): Promise<string> {
  const before = mailsTo(email).length;
  expect(await requestPasswordResetAction(undefined, form({ email }))).toEqual({ success: GENERIC });
  await expect.poll(() => mailsTo(email).length).toBe(before + 1);
  const mail = mailsTo(email)[before]!;
  expect(mail.subject).toBe("Reset your Portwatch password");
  return linkToken(mail.text, "/reset-password");
}

const reset = (token: string, password: string, confirmPassword = password) =>
  resetPasswordAction(undefined, form({ token, password, confirmPassword }));

describe("password reset", () => {
  it("answers the same for unknown emails and sends them nothing", async () => {
    actAs(newBrowser("127.0.7.1"));
    const before = smtp.current.messages.length;
    expect(await requestPasswordResetAction(undefined, form({ email: "nobody@example.test" }))).toEqual({
      success: GENERIC,
    });
    expect(smtp.current.messages.length).toBe(before);
    expect(await db.userToken.count()).toBe(0);
  });

  it("sets the new password, ends every other session, signs this browser in and retires the link", async () => {
    const user = await createUser("rae@example.test");
    const laptop = await signedInBrowser("rae@example.test", "127.0.7.2");
    const phone = await signedInBrowser("rae@example.test", "127.0.7.3");
    actAs(laptop);
    expect((await getSessionUser())?.id).toBe(user.id);

    const resetter = actAs(newBrowser("127.0.7.4"));
    const token = await requestLink("rae@example.test");
    const row = await db.userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(row.purpose).toBe("PASSWORD_RESET");
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(60 * 60 * 1000);
    expect(await checkResetLink(token)).toBe("valid");

    expect(await redirectOf(() => reset(token, NEW_PASSWORD))).toBe("/dashboard");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(user.sessionVersion + 1);

    // The browser that reset is signed in with the new session generation…
    actAs(resetter);
    expect((await getSessionUser())?.id).toBe(user.id);
    // …the sessions from before the reset are over, although their cookies are still there.
    for (const old of [laptop, phone]) {
      actAs(old);
      expect(old.cookies.has("authjs.session-token")).toBe(true);
      expect(await getSessionUser()).toBeNull();
    }

    // Old password no longer works, the new one does.
    actAs(newBrowser("127.0.7.5"));
    expect(await signInAction(undefined, form({ email: "rae@example.test", password: GOOD_PASSWORD }))).toMatchObject({
      code: "unauthenticated",
    });
    expect(
      await redirectOf(() => signInAction(undefined, form({ email: "rae@example.test", password: NEW_PASSWORD }))),
    ).toBe("/dashboard");

    // The link works once.
    expect(await checkResetLink(token)).toBe("used");
    actAs(newBrowser("127.0.7.6"));
    expect(await reset(token, "yet-another-passphrase-3")).toMatchObject({
      code: "gone",
      error: expect.stringMatching(/already been used/),
      fieldErrors: { token: [expect.stringMatching(/already been used/)] },
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(after.sessionVersion);
  });

  it("using one link retires the account's other reset links", async () => {
    await createUser("sam@example.test");
    actAs(newBrowser("127.0.8.1"));
    const first = await requestLink("sam@example.test");
    const second = await requestLink("sam@example.test");
    expect(await redirectOf(() => reset(second, NEW_PASSWORD))).toBe("/dashboard");
    expect(await checkResetLink(first)).toBe("used");
    actAs(newBrowser("127.0.8.2"));
    expect(await reset(first, "yet-another-passphrase-3")).toMatchObject({ code: "gone" });
  });

  it("an expired link is refused with a clear message and changes nothing", async () => {
    const user = await createUser("tia@example.test");
    actAs(newBrowser("127.0.9.1"));
    const token = await requestLink("tia@example.test");
    await db.userToken.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await checkResetLink(token)).toBe("expired");
    expect(await reset(token, NEW_PASSWORD)).toMatchObject({
      code: "gone",
      error: expect.stringMatching(/expired \(links work for 1 hour\)/),
    });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.sessionVersion).toBe(user.sessionVersion);
  });

  it("an unknown or malformed token is refused as not valid", async () => {
    actAs(newBrowser("127.0.9.2"));
    expect(await checkResetLink("A".repeat(43))).toBe("invalid");
    expect(await reset("A".repeat(43), NEW_PASSWORD)).toMatchObject({
      code: "not_found",
      error: expect.stringMatching(/not valid/),
    });
    expect(await reset("../../etc/passwd", NEW_PASSWORD)).toMatchObject({
      code: "invalid_input",
      fieldErrors: { token: [expect.stringMatching(/not valid/)] },
    });
  });

  it("a refused new password keeps the link usable", async () => {
    const user = await createUser("uma@example.test");
    actAs(newBrowser("127.0.10.1"));
    const token = await requestLink("uma@example.test");
    expect(await reset(token, "too-short")).toMatchObject({
      fieldErrors: { password: ["Use at least 12 characters for your password."] },
    });
    expect(await reset(token, "qazwsxedcrfv")).toMatchObject({
      fieldErrors: { password: [expect.stringMatching(/commonly used/)] },
    });
    expect(await reset(token, NEW_PASSWORD, "something-else-entirely")).toMatchObject({
      fieldErrors: { confirmPassword: ["The two passwords do not match."] },
    });
    expect(await checkResetLink(token)).toBe("valid");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(user.sessionVersion);
    expect(await redirectOf(() => reset(token, NEW_PASSWORD))).toBe("/dashboard");
  });

  it("lifts the sign-in wait of the address it is used from, as the wait message promises", async () => {
    await createUser("val@example.test");
    actAs(newBrowser("127.0.11.50"));
    for (let i = 0; i < 3; i++)
      await signInAction(undefined, form({ email: "val@example.test", password: `wrong-password-${i}` }));
    expect(await signInAction(undefined, form({ email: "val@example.test", password: GOOD_PASSWORD }))).toMatchObject({
      code: "rate_limited",
    });
    const token = await requestLink("val@example.test");
    const browser = actAs(newBrowser("127.0.11.50"));
    expect(await redirectOf(() => reset(token, NEW_PASSWORD))).toBe("/dashboard");
    expect(browser.cookies.has("authjs.session-token")).toBe(true);
  });

  it("mails at most 5 links an hour to one account, still answering the same", async () => {
    await createUser("wes@example.test");
    actAs(newBrowser("127.0.12.1"));
    for (let i = 0; i < 5; i++) await requestLink("wes@example.test");
    expect(await requestPasswordResetAction(undefined, form({ email: "wes@example.test" }))).toEqual({
      success: GENERIC,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo("wes@example.test")).toHaveLength(5);
  });
});
