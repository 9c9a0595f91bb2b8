import { E2E_MAIL_PORT } from "../../playwright.config";

interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; size: number }[];
}

/** Waits for a mail to `to` whose subject matches, as captured by the e2e SMTP server. */
export async function waitForMail(to: string, subject: RegExp, timeoutMs = 30_000): Promise<CapturedMail> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`http://127.0.0.1:${E2E_MAIL_PORT}/`);
    const mails = (await res.json()) as CapturedMail[];
    const found = mails.find((m) => m.to.includes(to) && subject.test(m.subject));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`No mail to ${to} matching ${subject} within ${timeoutMs} ms`);
}

export function firstLink(text: string, pathPart: string): string {
  const link = text.match(/https?:\/\/\S+/g)?.find((l) => l.includes(pathPart));
  if (!link) throw new Error(`No link containing ${pathPart} in mail:\n${text}`);
  return link;
}
