import { NextRequest } from "next/server";
import { decode, encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { signOutAction } from "@/app/(auth)/sign-out/actions";
import { signOutEverywhereAction } from "@/app/(app)/settings/account/actions";
import { authSecret } from "@/lib/auth/secret";
import { getSessionUser } from "@/lib/auth/session";
import { SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/lib/auth/session-lifetime";
import { proxy } from "@/proxy";
import { actAs, newBrowser, type FakeBrowser } from "./support/fake-browser";
import { form, redirectOf } from "./support/forms";
import { GOOD_PASSWORD, createUser } from "./support/users";

vi.mock("next/headers", async () => (await import("./support/fake-browser")).nextHeadersModule);

/** Issue 10, item 4: a session ends on the server when its owner signs out, everywhere on request, and when idle. */
const COOKIE = "authjs.session-token";

async function signedIn(email: string, ip: string): Promise<FakeBrowser> {
  const browser = actAs(newBrowser(ip));
  await redirectOf(() => signInAction(undefined, form({ email, password: GOOD_PASSWORD })));
  return browser;
}

/** A second browser holding a copy of the first one's cookie (stolen, or synced to another device). */
function copyOf(browser: FakeBrowser, ip: string): FakeBrowser {
  const copy = newBrowser(ip);
  copy.cookies.set(COOKIE, browser.cookies.get(COOKIE)!);
  return copy;
}

const claimsOf = async (browser: FakeBrowser) =>
  (await decode({ token: browser.cookies.get(COOKIE)!, secret: authSecret(), salt: COOKIE }))!;

describe("signing out", () => {
  it("ends the session on the server: a copied cookie no longer works", async () => {
    const user = await createUser("sol@example.test");
    const browser = await signedIn("sol@example.test", "127.0.30.1");
    const copy = copyOf(browser, "127.0.30.2");
    actAs(copy);
    expect((await getSessionUser())?.id).toBe(user.id);

    actAs(browser);
    expect(await redirectOf(() => signOutAction())).toMatch(/\/sign-in$/);
    expect(browser.cookies.has(COOKIE)).toBe(false);

    actAs(copy);
    expect(await getSessionUser()).toBeNull();
    // Other sessions of the same user are not affected.
    const other = await signedIn("sol@example.test", "127.0.30.3");
    actAs(other);
    expect((await getSessionUser())?.id).toBe(user.id);
  });

  it("'sign out everywhere' ends every session of the user, this one included", async () => {
    const user = await createUser("tam@example.test");
    const laptop = await signedIn("tam@example.test", "127.0.30.4");
    const phone = await signedIn("tam@example.test", "127.0.30.5");
    const stranger = await createUser("uma@example.test");
    const strangers = await signedIn("uma@example.test", "127.0.30.6");

    actAs(laptop);
    expect(await redirectOf(() => signOutEverywhereAction(undefined, form({})))).toMatch(/\/sign-in/);
    for (const b of [laptop, phone]) {
      actAs(b);
      expect(await getSessionUser()).toBeNull();
    }
    actAs(strangers);
    expect((await getSessionUser())?.id).toBe(stranger.id);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });

  it("'sign out everywhere' needs a session", async () => {
    actAs(newBrowser("127.0.30.7"));
    expect(await signOutEverywhereAction(undefined, form({}))).toMatchObject({ code: "unauthenticated" });
  });
});

describe("session lifetime", () => {
  it("is 12 hours idle, renewed by page visits, and 14 days at most", async () => {
    expect(SESSION_IDLE_SECONDS).toBe(12 * 60 * 60);
    expect(SESSION_ABSOLUTE_SECONDS).toBe(14 * 24 * 60 * 60);
    await createUser("vic@example.test");
    const browser = await signedIn("vic@example.test", "127.0.30.8");
    const claims = await claimsOf(browser);
    expect(claims.exp! - claims.iat!).toBe(SESSION_IDLE_SECONDS);
    expect(typeof claims.sid).toBe("string");
  });

  it("a page visit renews an hour-old cookie for another 12 hours, keeping the session's identity", async () => {
    await createUser("wyn@example.test");
    const browser = await signedIn("wyn@example.test", "127.0.30.9");
    const claims = await claimsOf(browser);
    // The cookie as issued an hour ago.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() - 3600_000);
    const hourOld = await encode({
      token: { ...claims, iat: undefined, exp: undefined, jti: undefined },
      secret: authSecret(),
      salt: COOKIE,
      maxAge: SESSION_IDLE_SECONDS,
    });
    vi.useRealTimers();
    const res = await proxy(
      new NextRequest("http://localhost:3000/assets", { headers: { cookie: `${COOKIE}=${hourOld}` } }),
    );
    expect(res.headers.get("location")).toBeNull();
    const renewed = res.cookies.get(COOKIE);
    expect(renewed?.value).toBeTruthy();
    expect(renewed?.httpOnly).toBe(true);
    expect(renewed?.sameSite).toBe("lax");
    const fresh = (await decode({ token: renewed!.value, secret: authSecret(), salt: COOKIE }))!;
    expect(fresh.exp! - Math.floor(Date.now() / 1000)).toBeGreaterThan(SESSION_IDLE_SECONDS - 60);
    expect(fresh).toMatchObject({
      sub: claims.sub,
      sid: claims.sid,
      sessionVersion: claims.sessionVersion,
      authTime: claims.authTime,
    });

    // A fresh cookie is left alone.
    const again = await proxy(
      new NextRequest("http://localhost:3000/assets", { headers: { cookie: `${COOKIE}=${renewed!.value}` } }),
    );
    expect(again.cookies.get(COOKIE)).toBeUndefined();
  });

  it("a session signed in more than 14 days ago is over, however active", async () => {
    await createUser("xia@example.test");
    const browser = await signedIn("xia@example.test", "127.0.30.10");
    const claims = await claimsOf(browser);
    const authTime = Math.floor(Date.now() / 1000) - SESSION_ABSOLUTE_SECONDS - 1;
    const old = await encode({
      token: { ...claims, authTime, iat: undefined, exp: undefined, jti: undefined },
      secret: authSecret(),
      salt: COOKIE,
      maxAge: SESSION_IDLE_SECONDS,
    });
    const res = await proxy(
      new NextRequest("http://localhost:3000/assets", { headers: { cookie: `${COOKIE}=${old}` } }),
    );
    expect(res.status).toBe(307);
    expect(new URL(res.headers.get("location")!).pathname).toBe("/sign-in");
    browser.cookies.set(COOKIE, old);
    actAs(browser);
    expect(await getSessionUser()).toBeNull();
  });
});
