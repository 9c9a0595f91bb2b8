import { NonRetriableError } from "inngest";
import { inngest } from "@/inngest/client";
import { securityTestRequested } from "@/inngest/events";
import { scannerConfig, ScannerConfigError } from "@/lib/scan-runs/scanner-config";
import { claimSecurityTest, completeSecurityTest, failSecurityTest } from "@/lib/security-test/record-security-test";
import { scanForSecurityTest } from "@/lib/security-test/scan-for-security-test";
import { securityTestSettings } from "@/lib/security-test/settings";

const FAILED_MESSAGE = "The test could not be completed. Please try again later.";

/**
 * The public security test's light scan (lib/security-test): claim, scan the main address and grade it,
 * store the teaser. Bounded like every scan by the executor: at most SECURITY_TEST_MAX_CONCURRENT run
 * at once; the start (lib/security-test/start-security-test.ts) refuses new tests beyond that.
 */
export const runSecurityTest = inngest.createFunction(
  {
    id: "run-security-test",
    name: "Run a public security test",
    triggers: [securityTestRequested],
    concurrency: [{ limit: securityTestSettings().maxConcurrent }],
    retries: 1,
    timeouts: { finish: "10m" },
    onFailure: async ({ event, error, step, logger }) => {
      const { securityTestId } = event.data.event.data;
      logger.error("run-security-test failed", { securityTestId, error });
      await step.run(`fail-security-test-${securityTestId}`, () =>
        failSecurityTest(securityTestId, FAILED_MESSAGE, new Date()),
      );
    },
  },
  async ({ event, step }) => {
    const { securityTestId } = event.data;
    const claim = await step.run(`claim-security-test-${securityTestId}`, () => claimSecurityTest(securityTestId));
    if (!claim) return { state: "skipped" as const };

    // The step's output (kept by the executor) is the teaser only: no addresses, banners or versions.
    const scanned = await step.run(`scan-security-test-${securityTestId}`, () => {
      let config;
      try {
        config = scannerConfig();
      } catch (error) {
        if (error instanceof ScannerConfigError) throw new NonRetriableError(error.message);
        throw error;
      }
      return scanForSecurityTest(claim.domain, config, securityTestSettings().ports, new Date());
    });

    await step.run(`finish-security-test-${securityTestId}`, () =>
      scanned.ok
        ? completeSecurityTest(securityTestId, scanned.teaser, new Date())
        : failSecurityTest(securityTestId, scanned.reason, new Date()),
    );
    return { state: scanned.ok ? ("completed" as const) : ("failed" as const) };
  },
);
