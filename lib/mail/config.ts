export const DEFAULT_MAIL_FROM = "Portwatch <no-reply@localhost>";

export type MailTarget = { kind: "smtp"; url: string; from: string } | { kind: "dev-mailbox"; from: string };

export class MailConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MailConfigurationError";
  }
}

/**
 * Where mail goes, read from the environment on every send so a changed SMTP_URL takes effect at once.
 * Production without SMTP_URL is a misconfiguration: the dev mailbox would silently swallow real
 * sign-up and invitation mail, so it is refused loudly instead.
 */
export function mailTarget(env: NodeJS.ProcessEnv = process.env): MailTarget {
  const from = env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM;
  const url = env.SMTP_URL?.trim();
  if (url) {
    if (!/^smtps?:\/\//i.test(url)) {
      throw new MailConfigurationError(
        "SMTP_URL must start with smtp:// or smtps:// (for example smtp://user:pass@mail.example.test:587).",
      );
    }
    return { kind: "smtp", url, from };
  }
  if (env.NODE_ENV === "production") {
    throw new MailConfigurationError(
      "SMTP_URL is not set. In production mail must go to a real SMTP server; the dev mailbox is only for development.",
    );
  }
  return { kind: "dev-mailbox", from };
}

export function isDevMailboxEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "production";
}
