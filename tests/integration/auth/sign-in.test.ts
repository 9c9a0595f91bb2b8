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
  it("signs in with the right password, lands on the dashboard, and signs out again", async () => {
    const user = await createUser("jo@example.test", { verified: true });
    const browser = actAs(newBrowser("127.0.1.1"));
    expect(await getSessionUser()).toBeNull();

    expect(await redirectOf(() => signIn("JO@example.test", GOOD_PASSWORD))).toBe("/dashboard");
    expect(browser.cookies.has("authjs.session-token")).toBe(true);
    expect(await getSessionUser()).toMatchObject({ id: user.id, email: "jo@example.test", emailVerified: true });

    expect(await redirectOf(() => signOutAction())).toMatch(/\/sign-in$/);
    expect(browser.cookies.has("authjs.session-token")).toBe(false);
    expect(await getSessionUser()).toBeNull();
  });

  it("returns to a callbackUrl on this site, never to another one", async () => {
    await createUser("kim@example.test");
    actAs(newBrowser("127.0.1.2"));
    expect(await redirectOf(() => signIn("kim@example.test", GOOD_PASSWORD, "/settings/members?x=1"))).toBe(
      "/settings/members?x=1",
    );
    actAs(newBrowser("127.0.1.2"));
    expect(await redirectOf(() => signIn("kim@example.test", GOOD_PASSWORD, "https://evil.test/phish"))).toBe(
      "/dashboard",
    );
    actAs(newBrowser("127.0.1.2"));
    expect(await redirectOf(() => signIn("kim@example.test", GOOD_PASSWORD, "//evil.test/phish"))).toBe("/dashboard");
  });

  it("gives the same answer for a wrong password and an unknown email, and sets no cookie", async () => {
    await createUser("lee@example.test");
    const browser = actAs(newBrowser("127.0.1.3"));
    expect(await signIn("lee@example.test", "wrong-password-123")).toEqual({ error: WRONG, code: "unauthenticated" });
    expect(await signIn("nobody@example.test", "wrong-password-123")).toEqual({
      error: WRONG,
      code: "unauthenticated",
    });
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
    expect(
      await signInAction(undefined, form({ email: "a@example.test", password: "p".repeat(10_001) })),
    ).toMatchObject({
      code: "payload_too_large",
      error: 'The field "password" is too long.',
    });
    expect(await db.signInAttempt.count()).toBe(before);
  });
});

describe("failed sign-in limits", () => {
  it("failures from other addresses never lock the owner out; one address is slowed progressively", async () => {
    await createUser("max@example.test");
    // The reported attack: 5 failures from rotating addresses used to lock the account for 15 minutes.
    for (let i = 0; i < 5; i++) {
      actAs(newBrowser(`127.0.2.${i + 1}`));
      expect(await signIn("max@example.test", `wrong-password-${i}`)).toMatchObject({ code: "unauthenticated" });
    }
    actAs(newBrowser("127.0.2.99"));
    expect(await redirectOf(() => signIn("max@example.test", GOOD_PASSWORD))).toBe("/dashboard");

    // One address guessing: 3 failures go through, then it waits 30 s, then 60 s, right password included.
    const browser = actAs(newBrowser("127.0.2.50"));
    for (let i = 0; i < 3; i++)
      expect(await signIn("max@example.test", `guess-${i}-password`)).toMatchObject({ code: "unauthenticated" });
    const slowed = await signIn("max@example.test", GOOD_PASSWORD);
    expect(slowed).toMatchObject({ code: "rate_limited" });
    expect(slowed.error).toMatch(
      /^Too many failed sign-ins for this account from your network\. Try again in (2\d|30) seconds or reset your password\.$/,
    );
    expect(browser.cookies.has("authjs.session-token")).toBe(false);
    // Meanwhile the owner, elsewhere, signs in.
    actAs(newBrowser("127.0.2.98"));
    expect(await redirectOf(() => signIn("max@example.test", GOOD_PASSWORD))).toBe("/dashboard");

    // Persisted: a restart does not forget the delay.
    actAs(browser);
    vi.resetModules();
    const fresh = await import("@/lib/auth/sign-in-attempts");
    await expect(fresh.assertSignInAllowed("max@example.test", "127.0.2.50")).rejects.toThrow(/from your network/);

    // After the wait the next guess is allowed; failing it doubles the wait.
    const shift = async (ms: number) => {
      for (const a of await db.signInAttempt.findMany({ where: { ip: "127.0.2.50" } })) {
        await db.signInAttempt.update({
          where: { id: a.id },
          data: { createdAt: new Date(a.createdAt.getTime() - ms) },
        });
      }
    };
    await shift(31_000);
    expect(await signIn("max@example.test", "guess-3-password")).toMatchObject({ code: "unauthenticated" });
    expect((await signIn("max@example.test", "guess-4-password")).error).toMatch(/Try again in ([4-5]\d|60) seconds/);
    await shift(61_000);
    expect(await redirectOf(() => signIn("max@example.test", GOOD_PASSWORD))).toBe("/dashboard");
  });

  it("holds an account at its ceiling of 100 failures an hour from all addresses, except where the owner signed in before", async () => {
    await createUser("ned@example.test");
    const now = Date.now();
    await db.signInAttempt.create({
      data: {
        email: "ned@example.test",
        ip: "127.0.3.200",
        succeeded: true,
        createdAt: new Date(now - 2 * 60 * 60_000),
      },
    });
    await db.signInAttempt.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        email: "ned@example.test",
        ip: `127.0.3.${i + 1}`,
        succeeded: false,
        createdAt: new Date(now - 50 * 60_000 + i * 1000),
      })),
    });
    actAs(newBrowser("127.0.3.150"));
    expect((await signIn("ned@example.test", GOOD_PASSWORD)).error).toBe(
      "Too many failed sign-ins for this account. Try again in 10 minutes or reset your password.",
    );
    actAs(newBrowser("127.0.3.200"));
    expect(await redirectOf(() => signIn("ned@example.test", GOOD_PASSWORD))).toBe("/dashboard");
  });

  it("slows unknown emails the same way, so the answer does not reveal which accounts exist", async () => {
    actAs(newBrowser("127.0.4.1"));
    for (let i = 0; i < 3; i++)
      expect(await signIn("ghost@example.test", "whatever-password")).toMatchObject({ code: "unauthenticated" });
    expect(await signIn("ghost@example.test", "whatever-password")).toMatchObject({ code: "rate_limited" });
  });

  it("a successful sign-in starts the account's count over", async () => {
    await createUser("oli@example.test");
    actAs(newBrowser("127.0.5.1"));
    for (let i = 0; i < 2; i++) await signIn("oli@example.test", "wrong-password-x");
    expect(await redirectOf(() => signIn("oli@example.test", GOOD_PASSWORD))).toBe("/dashboard");
    actAs(newBrowser("127.0.5.1"));
    for (let i = 0; i < 3; i++)
      expect(await signIn("oli@example.test", "wrong-password-y")).toMatchObject({ code: "unauthenticated" });
  });

  it("blocks an address after 20 failures in 15 minutes across accounts; other addresses are unaffected", async () => {
    await createUser("pat@example.test");
    actAs(newBrowser("127.0.6.1"));
    for (let i = 0; i < 20; i++) {
      expect(await signIn(`spray-${i % 5}-${i}@example.test`, "wrong-password-z")).toMatchObject({
        code: "unauthenticated",
      });
    }
    const blocked = await signIn("pat@example.test", GOOD_PASSWORD);
    expect(blocked).toMatchObject({ code: "rate_limited" });
    expect(blocked.error).toMatch(/^Too many failed sign-ins from your network\. Try again in \d+ minutes?\.$/);
    expect(await db.signInAttempt.count({ where: { ip: "127.0.6.1", succeeded: false } })).toBe(20);

    actAs(newBrowser("127.0.6.2"));
    expect(await redirectOf(() => signIn("pat@example.test", GOOD_PASSWORD))).toBe("/dashboard");
  });

  it("takes the address from X-Forwarded-For as Next.js passes it to Auth.js", async () => {
    await createUser("quin@example.test");
    actAs(newBrowser("198.51.100.23"));
    await signIn("quin@example.test", "wrong-password-q");
    const row = await db.signInAttempt.findFirstOrThrow({ where: { email: "quin@example.test" } });
    expect(row).toMatchObject({ ip: "198.51.100.23", succeeded: false });
  });
});
