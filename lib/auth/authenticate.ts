import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { verifyAgainstDummyHash, verifyPassword } from "./password-hash";
import { assertSignInAllowed, recordSignInAttempt } from "./sign-in-attempts";

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string | null;
  sessionVersion: number;
}

export const INVALID_CREDENTIALS_MESSAGE = "The email or password is not correct.";

/**
 * Checks an email and password, within the per-account and per-address limits, and records the
 * outcome. Unknown emails cost the same hashing work and fail with the same message as a wrong
 * password, so neither the answer nor its timing says whether an account exists.
 * `email` must already be normalised (trimmed, lowercased), as the validation schemas do.
 */
export async function authenticate(input: { email: string; password: string; ip: string }): Promise<AuthenticatedUser> {
  await assertSignInAllowed(input.email, input.ip);
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummyHash(input.password);
  await recordSignInAttempt({ email: input.email, ip: input.ip, succeeded: ok });
  await recordAuditEvent({
    action: ok ? "auth.sign_in_succeeded" : "auth.sign_in_failed",
    organizationId: null,
    actorUserId: user?.id ?? null,
    actorEmail: input.email,
    ip: input.ip,
  });
  if (!user || !ok) throw new AppError("unauthenticated", INVALID_CREDENTIALS_MESSAGE);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
