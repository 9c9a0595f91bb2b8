import { appUrl } from "@/lib/auth/app-url";
import { unsubscribeToken, type UnsubscribeSubject } from "./unsubscribe-token";

/** The one-click unsubscribe address of a recipient (RFC 8058): GET confirms, POST unsubscribes. */
export function unsubscribeUrl(subject: UnsubscribeSubject): string {
  return appUrl(`/api/unsubscribe/${unsubscribeToken(subject)}`);
}

/** List-Unsubscribe headers for a mail to `subject.email`: mail clients show their own unsubscribe button. */
export function listUnsubscribeHeaders(subject: UnsubscribeSubject): Record<string, string> {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(subject)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}
