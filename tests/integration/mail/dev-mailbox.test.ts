import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { sendMail } from "@/lib/mail";
import { getDevMail, listDevMail } from "@/lib/mail/dev-mailbox";
import { GET as downloadAttachment } from "@/app/dev/mailbox/[id]/attachments/[index]/route";

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

  it("keeps headers, inline images and attachments, and serves an attachment for download", async () => {
    const pdf = Buffer.from("%PDF-1.4 report");
    await sendMail({
      to: "board@example.test",
      subject: "Report",
      text: "Report",
      html: '<img src="cid:chart@portwatch">',
      headers: { "List-Unsubscribe": "<https://app.example.test/api/unsubscribe/t>" },
      attachments: [
        { filename: "chart.png", contentType: "image/png", content: Buffer.from("png"), cid: "chart@portwatch" },
        { filename: "portwatch-report-acme-2026-11-30.pdf", contentType: "application/pdf", content: pdf },
      ],
    });
    const stored = await db.devMail.findFirstOrThrow({ where: { subject: "Report" } });
    const mail = (await getDevMail(stored.id))!;
    expect(mail.headers).toEqual({ "List-Unsubscribe": "<https://app.example.test/api/unsubscribe/t>" });
    expect(mail.attachments.map((a) => [a.filename, a.cid ?? null])).toEqual([
      ["chart.png", "chart@portwatch"],
      ["portwatch-report-acme-2026-11-30.pdf", null],
    ]);
    const response = await downloadAttachment(new Request("http://localhost/"), {
      params: Promise.resolve({ id: stored.id, index: "1" }),
    });
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="portwatch-report-acme-2026-11-30.pdf"',
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  it("refuses a header with a line break (no header injection through a subject or header value)", async () => {
    await expect(
      sendMail({ to: "a@example.test", subject: "S", text: "T", headers: { "X-Note": "a\r\nBcc: evil@example.test" } }),
    ).rejects.toThrow(/one line/);
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
