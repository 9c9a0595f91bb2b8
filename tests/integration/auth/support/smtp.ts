import { afterAll, beforeAll } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "@/tests/helpers/smtp-server";

/** Starts a loopback SMTP server for the file and points the app's mail at it. */
export function smtpServerForFile(): { current: TestSmtpServer } {
  const ref = {} as { current: TestSmtpServer };
  beforeAll(async () => {
    ref.current = await startSmtpServer();
    process.env.SMTP_URL = ref.current.url;
  });
  afterAll(async () => {
    const { closeSmtpTransports } = await import("@/lib/mail/transport");
    closeSmtpTransports();
    delete process.env.SMTP_URL;
    await ref.current?.stop();
  });
  return ref;
}
