import { render } from "@react-email/render";
import type { MailMessage } from "@/lib/mail";
import { listUnsubscribeHeaders, unsubscribeUrl } from "@/lib/reports/unsubscribe-url";
import type { AlertData } from "./alert-data";
import { AlertEmail } from "./email/alert-email";

/** One recipient's alert mail (a scan's alerts or a digest): HTML and text from React Email, unsubscribe headers. */
export async function alertMail(input: {
  organizationId: string;
  organizationName: string;
  to: string;
  subject: string;
  title: string;
  intro: string;
  alerts: AlertData[];
}): Promise<MailMessage> {
  const subject = { list: "alerts" as const, organizationId: input.organizationId, email: input.to };
  const element = (
    <AlertEmail
      title={input.title}
      intro={input.intro}
      alerts={input.alerts}
      organizationName={input.organizationName}
      unsubscribeUrl={unsubscribeUrl(subject)}
    />
  );
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { to: input.to, subject: input.subject, html, text, headers: listUnsubscribeHeaders(subject) };
}
