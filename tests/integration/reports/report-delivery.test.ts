import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { PDFParse } from "pdf-parse";
import { db } from "@/lib/db/client";
import { closeSmtpTransports } from "@/lib/mail/transport";
import { deliverReport } from "@/lib/reports/deliver-report";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/reports/unsubscribe-token";
import { POST as unsubscribePost, GET as unsubscribeGet } from "@/app/api/unsubscribe/[token]/route";
import { startSmtpServer, type TestSmtpServer } from "@/tests/helpers/smtp-server";
import { DAY, scanAt } from "../dashboard/seed-graded-org";
import { openPort } from "../scans/fixtures";
import { addMember, createUser } from "../orgs/support/fixtures";

async function seedOrg(name: string) {
  const suffix = Math.random().toString(36).slice(2, 8);
  const owner = await createUser({ email: `owner-${suffix}@example.test` });
  const board = `board-${suffix}@example.test`;
  const org = await db.organization.create({
    data: {
      name,
      plan: "STARTER",
      timeZone: "Europe/Amsterdam",
      reportExtraRecipients: [board],
      memberships: { create: { userId: owner.id, role: "OWNER" } },
    },
  });
  const asset = await db.asset.create({ data: { organizationId: org.id, kind: "DOMAIN", value: "lab.example.test" } });
  const now = new Date();
  await scanAt(org.id, asset.id, new Date(now.getTime() - 10 * DAY), [openPort(22), openPort(80)]);
  await scanAt(org.id, asset.id, new Date(now.getTime() - 2 * DAY), [
    openPort(22),
    openPort(80),
    openPort(3389, { typicalService: "ms-wbt-server", detectedService: "ms-wbt-server" }),
  ]);
  return { owner, board, org, asset, now };
}

async function pdfText(content: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(content) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

describe("scheduled report over SMTP (real server on loopback)", () => {
  let smtp: TestSmtpServer;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  beforeEach(() => {
    vi.stubEnv("SMTP_URL", smtp.url);
    vi.stubEnv("MAIL_FROM", "Portwatch Reports <reports@portwatch.example.test>");
    vi.stubEnv("APP_URL", "https://portwatch.example.test");
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    closeSmtpTransports();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it("mails HTML, text, inline charts, the PDF and one-click unsubscribe headers to members and extra addresses", async () => {
    const { owner, board, org, now } = await seedOrg('Acme <script>alert("x")</script>\r\nBcc: evil@example.test');
    const outcome = await deliverReport(org.id, { periodKey: "scheduled:test-1", periodEnd: now });
    expect(outcome).toMatchObject({ recipients: 2, sent: 2, failed: [] });

    const mail = await smtp.waitFor((m) => m.to.includes(owner.email));
    expect(mail.from).toBe("reports@portwatch.example.test");
    expect(mail.subject).toMatch(/^Open Ports report .*: grade [A-F] \(\d+\/100\)/);
    // The organisation's name is user-written: never in a header, escaped in the HTML.
    expect(JSON.stringify(mail.headers)).not.toContain("Acme");
    expect(mail.headers.bcc).toBeUndefined();
    expect(mail.html).toContain("Acme &lt;script&gt;");
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("lab.example.test");
    expect(mail.text).toContain("lab.example.test");
    expect(mail.text).toMatch(/Grade [A-F] \(\d+\/100\)/);
    expect(mail.text).toContain("ms-wbt-server");

    const images = mail.attachments.filter((a) => a.contentType === "image/png");
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image.cid).toMatch(/@portwatch$/);
      expect(image.content.subarray(1, 4).toString()).toBe("PNG");
    }
    // mailparser swaps each cid: reference for the image it names: both charts are referenced from the HTML.
    expect(mail.html!.match(/<img [^>]*src="data:image\/png;base64,/g)).toHaveLength(2);
    const pdf = mail.attachments.find((a) => a.contentType === "application/pdf");
    expect(pdf?.filename).toMatch(/^portwatch-report-acme-script-alert-x-script-[a-z0-9-]*-\d{4}-\d\d-\d\d\.pdf$/);
    const text = await pdfText(pdf!.content);
    expect(text).toContain("lab.example.test");
    expect(text).toMatch(
      new RegExp(`Grade ${(await db.organization.findUniqueOrThrow({ where: { id: org.id } })).grade}`),
    );
    expect(text).toContain("ms-wbt-server");

    expect(mail.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    const link = /^<(https:\/\/portwatch\.example\.test\/api\/unsubscribe\/[^>]+)>$/.exec(
      mail.headers["list-unsubscribe"]!,
    );
    expect(link).not.toBeNull();
    expect(smtp.messages.filter((m) => m.to.includes(board))).toHaveLength(1);
  });

  it("a retried delivery does not mail anyone twice", async () => {
    const { org, now } = await seedOrg("Retry Co");
    await deliverReport(org.id, { periodKey: "scheduled:retry", periodEnd: now });
    const before = smtp.messages.length;
    const again = await deliverReport(org.id, { periodKey: "scheduled:retry", periodEnd: now });
    expect(again).toMatchObject({ sent: 0, alreadySent: 2 });
    expect(smtp.messages.length).toBe(before);
  });

  it("a refused send is recorded with its reason and retried later without duplicating the others", async () => {
    const { org, now } = await seedOrg("Flaky Co");
    const dead = await startSmtpServer();
    await dead.stop();
    vi.stubEnv("SMTP_URL", dead.url);
    await expect(deliverReport(org.id, { periodKey: "scheduled:flaky", periodEnd: now })).rejects.toThrow(
      /could not be delivered to 2 of 2/,
    );
    const failed = await db.mailDelivery.findMany({ where: { organizationId: org.id } });
    expect(failed.map((d) => d.status)).toEqual(["FAILED", "FAILED"]);
    expect(failed[0]!.error).toMatch(/ECONNREFUSED|connect/i);

    vi.stubEnv("SMTP_URL", smtp.url);
    closeSmtpTransports();
    const retried = await deliverReport(org.id, { periodKey: "scheduled:flaky", periodEnd: now });
    expect(retried.sent).toBe(2);
    const delivered = await db.mailDelivery.findMany({ where: { organizationId: org.id } });
    expect(delivered.map((d) => [d.status, d.attempts, d.error])).toEqual([
      ["SENT", 2, null],
      ["SENT", 2, null],
    ]);
  });

  it("unsubscribing through the link (GET confirms, POST unsubscribes) and one-click POST stops the next report", async () => {
    const { owner, board, org, now } = await seedOrg("Quiet Co");
    await deliverReport(org.id, { periodKey: "scheduled:u1", periodEnd: now });
    const ownerMail = await smtp.waitFor(
      (m) => m.to.includes(owner.email) && m.subject.startsWith("Open Ports report"),
    );
    const url = /^<([^>]+)>$/.exec(ownerMail.headers["list-unsubscribe"]!)![1]!;
    const token = url.split("/").at(-1)!;

    // A GET (a mail scanner following links) changes nothing: it leads to a confirmation page.
    const get = await unsubscribeGet(new Request(url), { params: Promise.resolve({ token }) });
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`https://portwatch.example.test/unsubscribe/${token}`);
    expect((await db.membership.findFirstOrThrow({ where: { userId: owner.id } })).receivesReports).toBe(true);

    // The one-click POST a mail client sends (RFC 8058).
    const post = await unsubscribePost(
      new Request(url, {
        method: "POST",
        body: "List-Unsubscribe=One-Click",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
      { params: Promise.resolve({ token }) },
    );
    expect(post.status).toBe(200);

    // The extra address unsubscribes through its own link.
    const boardMail = await smtp.waitFor((m) => m.to.includes(board) && m.subject.startsWith("Open Ports"));
    const boardUrl = /^<([^>]+)>$/.exec(boardMail.headers["list-unsubscribe"]!)![1]!;
    const boardToken = boardUrl.split("/").at(-1)!;
    await unsubscribePost(new Request(boardUrl, { method: "POST", body: "List-Unsubscribe=One-Click" }), {
      params: Promise.resolve({ token: boardToken }),
    });

    const next = await deliverReport(org.id, { periodKey: "scheduled:u2", periodEnd: new Date(now.getTime() + 1000) });
    expect(next.recipients).toBe(0);
  });

  it("a token cannot be altered to unsubscribe someone else", async () => {
    const { org } = await seedOrg("Forge Co");
    const victim = await createUser();
    await addMember(org, victim, "VIEWER");
    const mine = unsubscribeToken({ list: "reports", organizationId: org.id, email: "attacker@example.test" });
    const [payload, signature] = mine.split(".");
    const forgedPayload = Buffer.from(JSON.stringify(["reports", org.id, victim.email])).toString("base64url");
    expect(readUnsubscribeToken(`${forgedPayload}.${signature}`)).toBeNull();
    expect(readUnsubscribeToken(`${payload}.${signature}x`)).toBeNull();
    const response = await unsubscribePost(
      new Request(`https://portwatch.example.test/api/unsubscribe/${forgedPayload}.${signature}`, { method: "POST" }),
      { params: Promise.resolve({ token: `${forgedPayload}.${signature}` }) },
    );
    expect(response.status).toBe(404);
    expect((await db.membership.findFirstOrThrow({ where: { userId: victim.id } })).receivesReports).toBe(true);
  });
});
