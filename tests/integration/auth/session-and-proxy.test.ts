import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { getSessionUser } from "@/lib/auth/session";
import { proxy } from "@/proxy";
import { actAs, newBrowser, type FakeBrowser } from "./support/fake-browser";
import { form, redirectOf } from "./support/forms";
import { GOOD_PASSWORD, createUser } from "./support/users";

vi.mock("next/headers", async () => (await import("./support/fake-browser")).nextHeadersModule);

async function signedIn(email: string, ip: string): Promise<FakeBrowser> {
  const browser = actAs(newBrowser(ip));
  await redirectOf(() => signInAction(undefined, form({ email, password: GOOD_PASSWORD })));
  return browser;
}

const cookieHeader = (b: FakeBrowser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

describe("sessions", () => {
  it("end when the user's sessionVersion moves on (sign out everywhere)", async () => {
    const user = await createUser("xan@example.test");
    await signedIn("xan@example.test", "127.0.20.1");
    expect((await getSessionUser())?.id).toBe(user.id);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await getSessionUser()).toBeNull();
  });

  it("end when the user is deleted", async () => {
    const user = await createUser("yas@example.test");
    await signedIn("yas@example.test", "127.0.20.2");
    await db.user.delete({ where: { id: user.id } });
    expect(await getSessionUser()).toBeNull();
  });

  it("are not accepted from a tampered or foreign cookie", async () => {
    await createUser("zed@example.test");
    const browser = await signedIn("zed@example.test", "127.0.20.3");
    const token = browser.cookies.get("authjs.session-token")!;
    browser.cookies.set("authjs.session-token", `${token.slice(0, -4)}AAAA`);
    expect(await getSessionUser()).toBeNull();
    browser.cookies.set("authjs.session-token", "not-a-jwt");
    expect(await getSessionUser()).toBeNull();
  });

  it("reflect account changes at once, because the user is read from the database each time", async () => {
    const user = await createUser("abe@example.test");
    await signedIn("abe@example.test", "127.0.20.4");
    expect((await getSessionUser())?.emailVerified).toBe(false);
    await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date(), name: "Abe Renamed" } });
    expect(await getSessionUser()).toMatchObject({ emailVerified: true, name: "Abe Renamed" });
  });
});

describe("proxy", () => {
  const request = (path: string, browser?: FakeBrowser) =>
    new NextRequest(`http://localhost:3000${path}`, { headers: browser ? { cookie: cookieHeader(browser) } : {} });

  it("sends visitors without a session from signed-in areas to sign in, and back afterwards", async () => {
    for (const path of ["/assets", "/assets/abc?tab=ports", "/settings/members", "/organizations/new"]) {
      const res = await proxy(request(path));
      expect(res.status).toBe(307);
      const location = new URL(res.headers.get("location")!);
      expect(location.pathname).toBe("/sign-in");
      expect(location.searchParams.get("callbackUrl")).toBe(path);
    }
  });

  it("lets public pages through without a session", async () => {
    for (const path of [
      "/",
      "/sign-in",
      "/sign-up",
      "/verify-email?token=x",
      "/reset-password?token=x",
      "/forgot-password",
    ]) {
      const res = await proxy(request(path));
      expect(res.headers.get("location"), path).toBeNull();
      expect(res.headers.get("x-middleware-next")).toBe("1");
    }
  });

  it("lets a valid session cookie through", async () => {
    await createUser("bea@example.test");
    const browser = await signedIn("bea@example.test", "127.0.20.5");
    const res = await proxy(request("/assets?x=1", browser));
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("x-middleware-next")).toBe("1");
  });

  it("does not accept a forged cookie", async () => {
    const forged = newBrowser();
    forged.cookies.set("authjs.session-token", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..forged.forged.forged");
    const res = await proxy(request("/assets", forged));
    expect(res.status).toBe(307);
  });
});
