import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordTooShortMessage } from "@/lib/validation/auth";
import { AppError } from "@/lib/errors";
import { isCommonPassword } from "./common-passwords";

/**
 * zxcvbn's guess-count score (0–4) must be at least 3, "safely unguessable: moderate protection from
 * an offline slow-hash scenario" (about 10^8 guesses or more), judged against the common-password list,
 * keyboard patterns, repeats, sequences and dates, and the user's own email and name.
 */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * Only the first 48 characters are scored: matching time grows fast with length, and sign-up is
 * public (on a busy 2-core machine, worst cases measured 1.7 s for 256 characters, 0.15 s for 48).
 * 48 characters that score 3 or more are strong whatever follows.
 */
export const SCORED_PASSWORD_LENGTH = 48;

export function passwordScore(password: string, userInputs: string[] = []): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password.slice(0, SCORED_PASSWORD_LENGTH), userInputs).score;
}

export const weakPasswordMessage =
  "This password is too easy to guess: it follows a pattern (repeats, sequences, keyboard rows, common words or your own name). Use a longer passphrase of unrelated words.";

/**
 * Why a new password is refused, or null when it is acceptable. Length comes first: a short common
 * password is reported as short, the rule the user can act on at once.
 */
export function passwordPolicyViolation(
  password: string,
  context: { email?: string; name?: string } = {},
): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return passwordTooShortMessage;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters for your password.`;
  if (isCommonPassword(password)) {
    return "This password appears in lists of commonly used passwords. Choose one that is harder to guess.";
  }
  if (context.email && password.trim().toLowerCase() === context.email.trim().toLowerCase()) {
    return "Your password must not be your email address.";
  }
  const userInputs = [context.email, context.email?.split("@")[0], ...(context.name?.split(/\s+/) ?? [])].filter(
    (s): s is string => Boolean(s),
  );
  if (passwordScore(password, userInputs) < MIN_PASSWORD_SCORE) return weakPasswordMessage;
  return null;
}

/** Throws an invalid_input AppError, attached to `field`, when the password breaks the policy. */
export function assertPasswordPolicy(
  password: string,
  context: { email?: string; name?: string; field?: string } = {},
): void {
  const violation = passwordPolicyViolation(password, context);
  if (violation) throw new AppError("invalid_input", violation, { [context.field ?? "password"]: [violation] });
}
