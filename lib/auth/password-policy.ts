import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordTooShortMessage } from "@/lib/validation/auth";
import { AppError } from "@/lib/errors";
import { isCommonPassword } from "./common-passwords";

/**
 * Why a new password is refused, or null when it is acceptable. Length comes first: a short common
 * password is reported as short, the rule the user can act on at once.
 */
export function passwordPolicyViolation(password: string, context: { email?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return passwordTooShortMessage;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters for your password.`;
  if (isCommonPassword(password)) {
    return "This password appears in lists of commonly used passwords. Choose one that is harder to guess.";
  }
  if (context.email && password.trim().toLowerCase() === context.email.trim().toLowerCase()) {
    return "Your password must not be your email address.";
  }
  return null;
}

/** Throws an invalid_input AppError, attached to `field`, when the password breaks the policy. */
export function assertPasswordPolicy(password: string, context: { email?: string; field?: string } = {}): void {
  const violation = passwordPolicyViolation(password, context);
  if (violation) throw new AppError("invalid_input", violation, { [context.field ?? "password"]: [violation] });
}
