import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { purgeAuditEvents } from "@/lib/audit/purge-audit-events";

/** Daily: audit events older than a year are deleted (lib/audit/audit-actions.ts AUDIT_RETENTION_MS). */
export const purgeAuditEventsDaily = inngest.createFunction(
  {
    id: "purge-audit-events",
    name: "Purge audit events older than a year",
    triggers: [cron("45 3 * * *")],
    concurrency: [{ limit: 1 }],
    retries: 3,
  },
  async ({ step }) => ({ purged: await step.run("purge-audit-events", () => purgeAuditEvents(new Date())) }),
);
