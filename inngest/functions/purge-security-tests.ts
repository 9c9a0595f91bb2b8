import { cron } from "inngest";
import { inngest } from "@/inngest/client";
import { purgeSecurityTests } from "@/lib/security-test/purge-security-tests";

/** Daily: public security tests older than a week, and expired spent challenges, are deleted. */
export const purgeSecurityTestsDaily = inngest.createFunction(
  {
    id: "purge-security-tests",
    name: "Purge public security tests older than a week",
    triggers: [cron("50 3 * * *")],
    concurrency: [{ limit: 1 }],
    retries: 3,
  },
  async ({ step }) => ({ purged: await step.run("purge-security-tests", () => purgeSecurityTests(new Date())) }),
);
