import crypto from "node:crypto";
import { inngest } from "@/inngest/client";
import { reportDue } from "@/inngest/events";
import type { OrgContext } from "@/lib/authz/org-context";
import { AppError } from "@/lib/errors";
import { reportRecipients } from "./report-recipients";

/**
 * "Send report now": queues a report of the period ending now for the organisation's recipients. The
 * background function builds and mails it (with retries); the settings page shows how it went.
 */
export async function requestReportNow(ctx: OrgContext<"reports:manage">): Promise<{ recipients: number }> {
  const recipients = await reportRecipients(ctx.organizationId);
  if (recipients.length === 0)
    throw new AppError(
      "invalid_input",
      "Nobody receives the report yet: add an address below, or turn the report on in your own mail settings.",
    );
  const requestId = crypto.randomUUID();
  await inngest.send(
    reportDue.create(
      { organizationId: ctx.organizationId, periodKey: `manual:${requestId}`, periodEnd: new Date().toISOString() },
      { id: `report-manual-${requestId}` },
    ),
  );
  return { recipients: recipients.length };
}
