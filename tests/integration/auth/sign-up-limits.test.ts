import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { signUpAction } from "@/app/(auth)/sign-up/actions";
import { SIGN_UP_LIMITS } from "@/lib/auth/sign-up-limits";
import { actAs, newBrowser } from "./support/fake-browser";
import { form, redirectOf } from "./support/forms";
import { smtpServerForFile } from "./support/smtp";
import { GOOD_PASSWORD } from "./support/users";

vi.mock("next/headers", async () => (await import("./support/fake-browser")).nextHeadersModule);

smtpServerForFile();

describe("sign-up limits", () => {
  it("one network creates a few accounts an hour, then is refused without anything being created", async () => {
    for (let i = 0; i < SIGN_UP_LIMITS.perIpPerHour; i++) {
      actAs(newBrowser("127.0.44.1"));
      await redirectOf(() =>
        signUpAction(undefined, form({ name: `Bulk ${i}`, email: `bulk-${i}@example.test`, password: GOOD_PASSWORD })),
      );
    }
    actAs(newBrowser("127.0.44.1"));
    const refused = await signUpAction(
      undefined,
      form({ name: "One more", email: "bulk-extra@example.test", password: GOOD_PASSWORD }),
    );
    expect(refused).toMatchObject({ code: "rate_limited", error: expect.stringMatching(/Too many sign-ups/) });
    expect(await db.user.count({ where: { email: "bulk-extra@example.test" } })).toBe(0);

    // Another network is not affected.
    actAs(newBrowser("127.0.44.2"));
    await redirectOf(() =>
      signUpAction(undefined, form({ name: "Elsewhere", email: "elsewhere@example.test", password: GOOD_PASSWORD })),
    );
    expect(await db.user.count({ where: { email: "elsewhere@example.test" } })).toBe(1);
  });

  it("the sign-up's organisation is the person's one trial", async () => {
    actAs(newBrowser("127.0.44.3"));
    await redirectOf(() =>
      signUpAction(undefined, form({ name: "Tri", email: "tri@example.test", password: GOOD_PASSWORD })),
    );
    expect((await db.user.findUniqueOrThrow({ where: { email: "tri@example.test" } })).trialStartedAt).not.toBeNull();
  });
});
