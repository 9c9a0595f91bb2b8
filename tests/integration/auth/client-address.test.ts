import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { actAs, newBrowser } from "./support/fake-browser";
import { form, redirectOf } from "./support/forms";
import { GOOD_PASSWORD, createUser } from "./support/users";

vi.mock("next/headers", async () => (await import("./support/fake-browser")).nextHeadersModule);

/**
 * With no proxy configured the per-address limit keys on the socket address: a client rotating its own
 * X-Forwarded-For header stays one address (issue 10, item 3).
 */
const signIn = (email: string, password: string) => signInAction(undefined, form({ email, password }));

describe("client address without a configured proxy", () => {
  it("ignores a client's own X-Forwarded-For, so rotating it does not escape the per-address limit", async () => {
    await createUser("ray@example.test");
    for (let i = 0; i < 20; i++) {
      actAs({ ...newBrowser("127.0.8.1"), forwardedFor: `198.51.100.${i + 1}` });
      expect(await signIn(`spray-${i}@example.test`, "wrong-password-r")).toMatchObject({ code: "unauthenticated" });
    }
    expect(await db.signInAttempt.count({ where: { ip: "127.0.8.1", succeeded: false } })).toBe(20);
    actAs({ ...newBrowser("127.0.8.1"), forwardedFor: "198.51.100.200" });
    expect(await signIn("ray@example.test", GOOD_PASSWORD)).toMatchObject({ code: "rate_limited" });

    // Another socket address is another client.
    actAs({ ...newBrowser("127.0.8.2"), forwardedFor: "198.51.100.1" });
    expect(await redirectOf(() => signIn("ray@example.test", GOOD_PASSWORD))).toBe("/dashboard");
  });

  it("trusts the proxy's entry when TRUSTED_PROXY_HOPS says there is one", async () => {
    await createUser("sam@example.test");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    try {
      actAs({ ...newBrowser("127.0.8.9"), forwardedFor: "203.0.113.5, 198.51.100.77" });
      await signIn("sam@example.test", "wrong-password-s");
      expect(await db.signInAttempt.findFirstOrThrow({ where: { email: "sam@example.test" } })).toMatchObject({
        ip: "198.51.100.77",
      });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
