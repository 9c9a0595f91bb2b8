/** The pieces every account mail has; rendered as plain text and as simple, inline-styled HTML. */
export interface AccountMail {
  greetingName: string | null;
  paragraphs: string[];
  action: { label: string; url: string };
  footer: string;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function renderAccountMail(mail: AccountMail): { text: string; html: string } {
  const greeting = mail.greetingName ? `Hello ${mail.greetingName},` : "Hello,";
  const text = [
    greeting,
    "",
    ...mail.paragraphs.flatMap((p) => [p, ""]),
    `${mail.action.label}:`,
    mail.action.url,
    "",
    mail.footer,
    "",
    "— Portwatch",
  ].join("\n");
  const p = (s: string) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(s)}</p>`;
  const html = `<!doctype html><html><body style="margin:0;padding:24px;background:#f8fafc;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#0f172a">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:32px">
${p(greeting)}${mail.paragraphs.map(p).join("")}
<p style="margin:24px 0"><a href="${escapeHtml(mail.action.url)}" style="display:inline-block;background:#0f172a;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px">${escapeHtml(mail.action.label)}</a></p>
<p style="margin:0 0 16px;line-height:1.5;font-size:13px;color:#475569">If the button does not work, copy this address into your browser:<br><span style="word-break:break-all">${escapeHtml(mail.action.url)}</span></p>
<p style="margin:0;line-height:1.5;font-size:13px;color:#475569">${escapeHtml(mail.footer)}</p>
</div></body></html>`;
  return { text, html };
}
