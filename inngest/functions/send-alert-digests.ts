import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { alertDigestDue } from "@/inngest/events";
import { findDueDigests } from "@/lib/alerts/find-due-digests";
import { mailAlertDigest } from "@/lib/alerts/mail-alert-digest";

/** Every 15 minutes: queue the daily digest of each organisation whose 08:00 has passed (deduplicated by id). */
export const queueAlertDigests = inngest.createFunction(
  {
    id: "queue-alert-digests",
    name: "Queue daily alert digests",
    triggers: [cron("*/15 * * * *")],
    concurrency: [{ limit: 1 }],
    retries: 3,
  },
  async ({ step }) => {
    const due = await step.run("find-due-digests", () => findDueDigests(new Date()));
    if (due.length > 0)
      await step.sendEvent(
        "queue-alert-digests",
        due.map((d) => alertDigestDue.create(d, { id: `digest-${d.organizationId}-${d.periodKey}` })),
      );
    return { queued: due.length };
  },
);

/** One organisation's digest: one step, one mail per member who chose the digest. */
export const deliverAlertDigest = inngest.createFunction(
  {
    id: "deliver-alert-digest",
    name: "Mail an organisation's alert digest",
    triggers: [alertDigestDue],
    concurrency: [{ key: "event.data.organizationId", limit: 1 }],
    retries: 4,
  },
  async ({ event, step }) => {
    const { organizationId, periodKey, until } = event.data;
    return step.run(`mail-alert-digest-${organizationId}-${periodKey}`, () =>
      mailAlertDigest(organizationId, { periodKey, until: new Date(until) }),
    );
  },
);
