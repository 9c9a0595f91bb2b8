import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { requestPasswordResetAction } from "@/app/(auth)/forgot-password/actions";
import { signUpAction } from "@/app/(auth)/sign-up/actions";
import { actAs, newBrowser } from "./support/fake-browser";
import { form, redirectOf } from "./support/forms";
import { smtpServerForFile } from "./support/smtp";
import { GOOD_PASSWORD, createUser } from "./support/users";

vi.mock("next/headers", async () => (await import("./support/fake-browser")).nextHeadersModule);

/** Tasks Next.js would run after the response: held here, so the test sees what happened before it. */
const deferred = vi.hoisted(() => [] as (() => unknown)[]);
vi.mock("next/server", async (original) => ({
  ...(await original<object>()),
  after: (task: () => unknown) => deferred.push(task),
}));

const smtp = smtpServerForFile();
const GENERIC =
  "If an account exists for that email, we have sent a link to reset its password. The link expires in 1 hour.";

async function runDeferred() {
  while (deferred.length) await deferred.shift()!();
}

describe("answers that say nothing about which accounts exist", () => {
  it("forgot-password answers before looking the account up, the same for known and unknown addresses", async () => {
    const user = await createUser("known@example.test");
    actAs(newBrowser("127.0.12.1"));
    const known = await requestPasswordResetAction(undefined, form({ email: "known@example.test" }));
    const unknown = await requestPasswordResetAction(undefined, form({ email: "unknown@example.test" }));
    expect(known).toEqual({ success: GENERIC });
    expect(unknown).toEqual(known);
    // Nothing account-dependent happened before the answer: no link created, no mail sent.
    expect(await db.userToken.count({ where: { userId: user.id } })).toBe(0);
    expect(smtp.current.messages).toHaveLength(0);

    await runDeferred();
    expect(await db.userToken.count({ where: { userId: user.id, purpose: "PASSWORD_RESET" } })).toBe(1);
    await expect.poll(() => smtp.current.messages.filter((m) => m.to.includes("known@example.test")).length).toBe(1);
    expect(smtp.current.messages.filter((m) => m.to.includes("unknown@example.test"))).toHaveLength(0);
  });

  it("sign-up answers the same for a new and a registered address, and looks the address up only after answering", async () => {
    await createUser("taken@example.test");
    actAs(newBrowser("127.0.12.2"));
    const forNew = await redirectOf(() =>
      signUpAction(undefined, form({ name: "New", email: "fresh@example.test", password: GOOD_PASSWORD })),
    );
    const forTaken = await redirectOf(() =>
      signUpAction(undefined, form({ name: "Again", email: "taken@example.test", password: GOOD_PASSWORD })),
    );
    expect(forNew).toBe("/verify-email?sent=1");
    expect(forTaken).toBe(forNew);
    // Before the answer: no account created, no mail sent, for either.
    expect(await db.user.count({ where: { email: "fresh@example.test" } })).toBe(0);
    expect(smtp.current.messages.filter((m) => /fresh@|taken@/.test(m.to.join(",")))).toHaveLength(0);

    await runDeferred();
    expect(await db.user.count({ where: { email: "fresh@example.test" } })).toBe(1);
    await expect
      .poll(() => smtp.current.messages.filter((m) => m.to.includes("taken@example.test")).map((m) => m.subject))
      .toEqual(["You already have a Portwatch account"]);
    await expect
      .poll(() => smtp.current.messages.filter((m) => m.to.includes("fresh@example.test")).map((m) => m.subject))
      .toEqual(["Confirm your email address for Portwatch"]);
  });
});
