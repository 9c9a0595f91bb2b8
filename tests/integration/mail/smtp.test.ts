import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { sendMail } from "@/lib/mail";
import { closeSmtpTransports } from "@/lib/mail/transport";
import { startSmtpServer, type TestSmtpServer } from "@/tests/helpers/smtp-server";

describe("sendMail with SMTP_URL (real SMTP server on loopback)", () => {
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    closeSmtpTransports();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it("delivers text and HTML over SMTP from MAIL_FROM, and stores nothing in the dev mailbox", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("MAIL_FROM", "Portwatch Alerts <alerts@portwatch.example.test>");
    vi.stubEnv("NODE_ENV", "production");
    const before = await db.devMail.count();

    await sendMail({
      to: "Ops@Example.test",
      subject: "Port 3389 opened on shop.example.test",
      text: "Details: http://127.0.0.1:3000/assets/1",
      html: "<p>Details</p>",
    });

    const mail = await smtp.waitFor((m) => m.subject === "Port 3389 opened on shop.example.test");
    expect(mail.to).toEqual(["ops@example.test"]);
    expect(mail.from).toBe("alerts@portwatch.example.test");
    expect(mail.text.trim()).toBe("Details: http://127.0.0.1:3000/assets/1");
    expect(mail.html).toContain("<p>Details</p>");
    expect(await db.devMail.count()).toBe(before);
  });

  it("uses the default sender when MAIL_FROM is unset", async () => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("MAIL_FROM", "");
    await sendMail({ to: "someone@example.test", subject: "Default sender", text: "Hi" });
    const mail = await smtp.waitFor((m) => m.subject === "Default sender");
    expect(mail.from).toBe("no-reply@localhost");
  });

  it("reports a server that cannot be reached instead of pretending the mail went out", async () => {
    const dead = await startSmtpServer();
    const url = dead.url;
    await dead.stop();
    vi.stubEnv("SMTP_URL", url);
    await expect(sendMail({ to: "someone@example.test", subject: "Lost", text: "Hi" })).rejects.toThrow();
    expect(await db.devMail.count({ where: { subject: "Lost" } })).toBe(0);
  });
});
