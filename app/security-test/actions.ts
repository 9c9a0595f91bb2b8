"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { requestIp } from "@/lib/audit/request-ip";
import { AppError } from "@/lib/errors";
import { CHALLENGE_MESSAGES, verifyAndSpendChallenge } from "@/lib/security-test/challenge";
import { startSecurityTest } from "@/lib/security-test/start-security-test";
import { securityTestSchema } from "@/lib/validation/security-test";

/**
 * Starts a public security test: a well-formed domain first (a typo costs no proof of work), then the
 * solved challenge (spent once), then the limits. Goes to the result page, which follows the scan.
 */
export const startSecurityTestAction = publicAction(securityTestSchema, async (input) => {
  const check = await verifyAndSpendChallenge(input.altcha);
  if (!check.ok) {
    const message = CHALLENGE_MESSAGES[check.reason];
    throw new AppError("invalid_input", message, { altcha: [message] });
  }
  const started = await startSecurityTest({
    domain: input.domain,
    ip: (await requestIp()) ?? "unknown",
    now: new Date(),
  });
  redirect(`/security-test/${started.id}`);
});
