import { afterAll, describe, expect, it, vi } from "vitest";

// The Inngest client reads its environment when it is created: point it at the loopback capture first.
const capture = await vi.hoisted(async () => {
  const { startEventCapture } = await import("../assets/event-capture");
  const c = await startEventCapture();
  process.env.INNGEST_BASE_URL = c.url;
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_DEV = "0";
  return c;
});

import { db } from "@/lib/db/client";
import { signUpAction } from "@/app/(auth)/sign-up/actions";
import { verifyEmail } from "@/lib/auth/verify-email";
import { actAs, newBrowser } from "../auth/support/fake-browser";
import { form, linkToken, redirectOf } from "../auth/support/forms";
import { smtpServerForFile } from "../auth/support/smtp";
import { GOOD_PASSWORD } from "../auth/support/users";

vi.mock("next/headers", async () => (await import("../auth/support/fake-browser")).nextHeadersModule);

const smtp = smtpServerForFile();
afterAll(() => capture.close());

async function signUpCarrying(email: string, firstAsset: string) {
  actAs(newBrowser("127.0.0.30"));
  await redirectOf(() => signUpAction(undefined, form({ name: "Ada", email, password: GOOD_PASSWORD, firstAsset })));
  const mail = await smtp.current.waitFor((m) => m.to.includes(email));
  return linkToken(mail.text, "/verify-email");
}

describe("the domain carried from the security test into sign-up", () => {
  it("becomes the first asset once the address is confirmed, its first scan starts, and a second confirmation adds nothing", async () => {
    const token = await signUpCarrying("ada@example.test", " Shop.Example.TEST. ");
    const user = await db.user.findUniqueOrThrow({ where: { email: "ada@example.test" } });
    // Nothing is monitored, or scanned, before the address is confirmed.
    expect(user.firstAssetValue).toBe("shop.example.test");
    expect(await db.asset.count({ where: { organizationId: user.activeOrganizationId! } })).toBe(0);

    expect(await verifyEmail(token)).toMatchObject({ status: "verified", firstAsset: "shop.example.test" });
    const assets = await db.asset.findMany({ where: { organizationId: user.activeOrganizationId! } });
    expect(assets.map((a) => [a.kind, a.value, a.createdById])).toEqual([["DOMAIN", "shop.example.test", user.id]]);
    expect(capture.events).toContainEqual({
      name: "asset/scan.requested",
      data: expect.objectContaining({ organizationId: user.activeOrganizationId, assetId: assets[0]!.id }),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).firstAssetValue).toBeNull();

    expect(await verifyEmail(token)).toMatchObject({ status: "used" });
    expect(await db.asset.count({ where: { organizationId: user.activeOrganizationId! } })).toBe(1);
  });

  it("refuses a malformed carried domain with the asset form's message, creating nothing", async () => {
    actAs(newBrowser("127.0.0.31"));
    const result = await signUpAction(
      undefined,
      form({ name: "Bob", email: "bob@example.test", password: GOOD_PASSWORD, firstAsset: "https://x.example.test/" }),
    );
    expect(result).toMatchObject({
      code: "invalid_input",
      fieldErrors: { firstAsset: ["Enter just the domain name, like example.com — not a URL."] },
    });
    expect(await db.user.count({ where: { email: "bob@example.test" } })).toBe(0);
  });
});
