import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { sendMail } from "@/lib/mail";
import { listDevMail } from "@/lib/mail/dev-mailbox";

describe("sendMail without SMTP_URL (dev mailbox)", () => {
  beforeEach(async () => {
    vi.stubEnv("SMTP_URL", "");
    vi.stubEnv("MAIL_FROM", "");
    vi.stubEnv("NODE_ENV", "development");
    await db.devMail.deleteMany();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("stores the mail with the default sender, newest first", async () => {
    await sendMail({ to: "first@example.test", subject: "First", text: "Hello https://app.example.test/verify?t=1" });
    await new Promise((r) => setTimeout(r, 5));
    await sendMail({ to: "second@example.test", subject: "Second", text: "Body", html: "<p>Body</p>" });

    const mails = await listDevMail();
    expect(mails.map((m) => m.subject)).toEqual(["Second", "First"]);
    const stored = await db.devMail.findFirstOrThrow({ where: { subject: "First" } });
    expect(stored).toMatchObject({ to: "first@example.test", from: "Portwatch <no-reply@localhost>", html: null });
    expect(stored.text).toContain("https://app.example.test/verify?t=1");
    expect((await listDevMail({ to: "second@example.test" })).map((m) => m.subject)).toEqual(["Second"]);
  });

  it("uses MAIL_FROM when set", async () => {
    vi.stubEnv("MAIL_FROM", "Security <alerts@example.test>");
    await sendMail({ to: "a@example.test", subject: "S", text: "T" });
    expect((await db.devMail.findFirstOrThrow()).from).toBe("Security <alerts@example.test>");
  });

  it("refuses the dev mailbox in production with a configuration error and stores nothing", async () => {
    vi.stubEnv("NODE_ENV", "production");
    await expect(sendMail({ to: "a@example.test", subject: "S", text: "T" })).rejects.toThrow(/SMTP_URL is not set/);
    expect(await db.devMail.count()).toBe(0);
  });

  it("rejects malformed messages before storing anything", async () => {
    await expect(sendMail({ to: "not an address", subject: "S", text: "T" })).rejects.toThrow(/to:/);
    await expect(sendMail({ to: "a@example.test", subject: "Hi\r\nBcc: x@example.test", text: "T" })).rejects.toThrow(
      /one line/,
    );
    await expect(sendMail({ to: "a@example.test", subject: "S", text: "" })).rejects.toThrow(/text body/);
    expect(await db.devMail.count()).toBe(0);
  });

  it("rejects an SMTP_URL that is not smtp:// or smtps://", async () => {
    vi.stubEnv("SMTP_URL", "http://127.0.0.1:25");
    await expect(sendMail({ to: "a@example.test", subject: "S", text: "T" })).rejects.toThrow(
      /SMTP_URL must start with smtp/,
    );
  });
});
