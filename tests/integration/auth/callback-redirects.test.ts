import { describe, expect, it, vi } from "vitest";
import { signInAction } from "@/app/(auth)/sign-in/actions";
import { signUpAction } from "@/app/(auth)/sign-up/actions";
import { actAs, newBrowser } from "./support/fake-browser";
import { form, redirectOf } from "./support/forms";
import { smtpServerForFile } from "./support/smtp";
import { GOOD_PASSWORD, createUser } from "./support/users";

vi.mock("next/headers", async () => (await import("./support/fake-browser")).nextHeadersModule);

smtpServerForFile();

/**
 * The sign-in and sign-up actions redirect to the callbackUrl after success. Paths whose dot
 * segments resolve to "//host" must not take the user to another site (issue 10, item 2).
 */
const TRICKS = [
  "/.//evil.example/phish",
  "/..//evil.example/x",
  "/%2e//evil.example/x",
  "/a/%2E%2E/..//evil.example/x",
];

/** Where a browser on the sign-in page goes when told to go to `location`. */
const landsOn = (location: string) => new URL(location, "http://localhost:3000/sign-in").host;

describe("redirects after signing in and up", () => {
  it("the sign-in action never sends the user to another host", async () => {
    await createUser("rid@example.test", { verified: true });
    for (const [i, callbackUrl] of TRICKS.entries()) {
      actAs(newBrowser(`127.0.9.${i + 1}`));
      const location = await redirectOf(() =>
        signInAction(undefined, form({ email: "rid@example.test", password: GOOD_PASSWORD, callbackUrl })),
      );
      expect(landsOn(location), `${callbackUrl} → ${location}`).toBe("localhost:3000");
      expect(location).toBe("/dashboard");
    }
  });

  it("the sign-up action never sends the new user to another host", async () => {
    for (const [i, callbackUrl] of TRICKS.entries()) {
      actAs(newBrowser(`127.0.10.${i + 1}`));
      const location = await redirectOf(() =>
        signUpAction(
          undefined,
          form({ name: `New ${i}`, email: `new-${i}@example.test`, password: GOOD_PASSWORD, callbackUrl }),
        ),
      );
      expect(landsOn(location), `${callbackUrl} → ${location}`).toBe("localhost:3000");
    }
  });
});
