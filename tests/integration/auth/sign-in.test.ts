import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { signOutAction } from "@/app/(auth)/sign-out/actions";
import { getSessionUser } from "@/lib/auth/session";
import { actAs, newBrowser } from "./support/fake-browser";
import { form, redirectOf } from "./support/forms";
import { GOOD_PASSWORD, createUser } from "./support/users";

vi.mock("next/headers", async () => (await import("./support/fake-browser")).nextHeadersModule);

const signIn = (email: string, password: string, callbackUrl?: string) =>
  signInAction(undefined, form({ email, password, ...(callbackUrl !== undefined ? { callbackUrl } : {}) }));

const WRONG = "The email or password is not correct.";

describe("sign in and out", () => {
  it("signs in with the right password, goes to /assets, and signs out again", async () => {
    const user = await createUser("jo@example.test", { verified: true });
    const browser = actAs(newBrowser("127.0.1.1"));
    expect(await getSessionUser()).toBeNull();

    expect(await redirectOf(() => signIn("JO@example.test", GOOD_PASSWORD))).toBe("/assets");
    expect(browser.cookies.has("authjs.session-token")).toBe(true);
    expect(await getSessionUser()).toMatchObject({ id: user.id, email: "jo@example.test", emailVerified: true });

    expect(await redirectOf(() => signOutAction())).toMatch(/\/sign-in$/);
    expect(browser.cookies.has("authjs.session-token")).toBe(false);
    expect(await getSessionUser()).toBeNull();
  });

  it("returns to a callbackUrl on this site, never to another one", async () => {
    await createUser("kim@example.test");
    actAs(newBrowser("127.0.1.2"));
    expect(await redirectOf(() => signIn("kim@example.test", GOOD_PASSWORD, "/settings/members?x=1"))).toBe("/settings/members?x=1");
    actAs(newBrowser("127.0.1.2"));
    expect(await redirectOf(() => signIn("kim@example.test", GOOD_PASSWORD, "https://evil.test/phish"))).toBe("/assets");
    actAs(newBrowser("127.0.1.2"));
    expect(await redirectOf(() => signIn("kim@example.test", GOOD_PASSWORD, "//evil.test/phish"))).toBe("/assets");
  });

  it("gives the same answer for a wrong password and an unknown email, and sets no cookie", async () => {
    await createUser("lee@example.test");
    const browser = actAs(newBrowser("127.0.1.3"));
    expect(await signIn("lee@example.test", "wrong-password-123")).toEqual({ error: WRONG, code: "unauthenticated" });
    expect(await signIn("nobody@example.test", "wrong-password-123")).toEqual({ error: WRONG, code: "unauthenticated" });
    expect(browser.cookies.has("authjs.session-token")).toBe(false);
    expect(await getSessionUser()).toBeNull();
  });

  it("refuses malformed posts with a readable message and records nothing", async () => {
    actAs(newBrowser("127.0.1.4"));
    const before = await db.signInAttempt.count();
    expect(await signInAction(undefined, form({ email: "", password: "" }))).toMatchObject({
      code: "invalid_input",
      fieldErrors: { email: ["Enter your email address."], password: ["Enter your password."] },
    });
    expect(await signInAction(undefined, form({ email: "a@example.test", password: "p".repeat(10_001) }))).toMatchObject({
      code: "payload_too_large",
      error: 'The field "password" is too long.',
    });
    expect(await db.signInAttempt.count()).toBe(before);
  });
});

describe("failed sign-in limits", () => {
  it("locks an account after 5 failures in 15 minutes, even for the right password and from other addresses", async () => {
    await createUser("max@example.test");
    for (let i = 0; i < 5; i++) {
      actAs(newBrowser(`127.0.2.${i + 1}`));
      expect(await signIn("max@example.test", `wrong-password-${i}`)).toMatchObject({ code: "unauthenticated" });
    }
    const browser = actAs(newBrowser("127.0.2.99"));
    const locked = await signIn("max@example.test", GOOD_PASSWORD);
    expect(locked).toMatchObject({ code: "rate_limited" });
    expect(locked.error).toMatch(/^Too many failed sign-ins for this account\. Try again in (1[0-5]|[1-9]) minutes? or reset your password\.$/);
    expect(browser.cookies.has("authjs.session-token")).toBe(false);

    // Persisted: the failures are rows in the database, so a restart does not forget them.
    expect(await db.signInAttempt.count({ where: { email: "max@example.test", succeeded: false } })).toBe(5);
    vi.resetModules();
    const fresh = await import("@/lib/auth/sign-in-attempts");
    await expect(fresh.assertSignInAllowed("max@example.test", "127.0.2.100")).rejects.toThrow(/Too many failed sign-ins for this account/);

    // After the window the account can sign in again.
    await db.signInAttempt.updateMany({ where: { email: "max@example.test" }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect(await redirectOf(() => signIn("max@example.test", GOOD_PASSWORD))).toBe("/assets");
  });

  it("says 'in 11 minutes' when the oldest counted failure is 4 minutes and a few seconds old", async () => {
    await createUser("ned@example.test");
    const now = Date.now();
    await db.signInAttempt.createMany({
      data: [4, 3, 2, 1, 0].map((m) => ({ email: "ned@example.test", ip: "127.0.3.1", succeeded: false, createdAt: new Date(now - m * 60_000 - 5_000) })),
    });
    actAs(newBrowser("127.0.3.2"));
    expect((await signIn("ned@example.test", GOOD_PASSWORD)).error).toBe(
      "Too many failed sign-ins for this account. Try again in 11 minutes or reset your password.",
    );
  });

  it("locks unknown emails the same way, so the lock does not reveal which accounts exist", async () => {
    for (let i = 0; i < 5; i++) {
      actAs(newBrowser(`127.0.4.${i + 1}`));
      await signIn("ghost@example.test", "whatever-password");
    }
    actAs(newBrowser("127.0.4.50"));
    expect(await signIn("ghost@example.test", "whatever-password")).toMatchObject({ code: "rate_limited" });
  });

  it("a successful sign-in starts the account's count over", async () => {
    await createUser("oli@example.test");
    actAs(newBrowser("127.0.5.1"));
    for (let i = 0; i < 4; i++) await signIn("oli@example.test", "wrong-password-x");
    expect(await redirectOf(() => signIn("oli@example.test", GOOD_PASSWORD))).toBe("/assets");
    actAs(newBrowser("127.0.5.1"));
    for (let i = 0; i < 4; i++) expect(await signIn("oli@example.test", "wrong-password-y")).toMatchObject({ code: "unauthenticated" });
    expect(await redirectOf(() => signIn("oli@example.test", GOOD_PASSWORD))).toBe("/assets");
  });

  it("blocks an address after 20 failures in 15 minutes across accounts; other addresses are unaffected", async () => {
    await createUser("pat@example.test");
    actAs(newBrowser("127.0.6.1"));
    for (let i = 0; i < 20; i++) {
      expect(await signIn(`spray-${i % 5}-${i}@example.test`, "wrong-password-z")).toMatchObject({ code: "unauthenticated" });
    }
    const blocked = await signIn("pat@example.test", GOOD_PASSWORD);
    expect(blocked).toMatchObject({ code: "rate_limited" });
    expect(blocked.error).toMatch(/^Too many failed sign-ins from your network\. Try again in \d+ minutes?\.$/);
    expect(await db.signInAttempt.count({ where: { ip: "127.0.6.1", succeeded: false } })).toBe(20);

    actAs(newBrowser("127.0.6.2"));
    expect(await redirectOf(() => signIn("pat@example.test", GOOD_PASSWORD))).toBe("/assets");
  });

  it("takes the address from X-Forwarded-For as Next.js passes it to Auth.js", async () => {
    await createUser("quin@example.test");
    actAs(newBrowser("198.51.100.23"));
    await signIn("quin@example.test", "wrong-password-q");
    const row = await db.signInAttempt.findFirstOrThrow({ where: { email: "quin@example.test" } });
    expect(row).toMatchObject({ ip: "198.51.100.23", succeeded: false });
  });
});
