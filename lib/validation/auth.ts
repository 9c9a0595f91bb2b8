import { z } from "zod";
import { organizationNameSchema } from "./organization";
import { PLAIN_TEXT, plainTextMessage } from "./plain-text";

export { ORGANIZATION_NAME_MAX_LENGTH } from "./organization";

/**
 * The account forms' shapes, shared by the forms (limits shown as input attributes) and the server
 * actions (validation). The common-password check is not here: its list is large and server-only,
 * so `checkPasswordPolicy` in lib/auth runs it after these schemas pass.
 */
export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase or generated password, short enough to bound hashing work. */
export const PASSWORD_MAX_LENGTH = 256;
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 100;
/** Raw tokens are 43 base64url characters; anything longer is not one of ours. */
const TOKEN_MAX_LENGTH = 128;

export const passwordTooShortMessage = `Use at least ${PASSWORD_MIN_LENGTH} characters for your password.`;

/** Trimmed and lowercased, so "Ann@Example.test " and "ann@example.test" are one account. */
export const emailField = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(EMAIL_MAX_LENGTH, `Email addresses have at most ${EMAIL_MAX_LENGTH} characters.`)
  .pipe(z.email("Enter a valid email address, like name@example.com."));

/** A new password: length only (the common-password check follows on the server). */
export const newPasswordField = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, passwordTooShortMessage)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters for your password.`);

/** A password being checked, not chosen: any non-empty text up to the maximum. */
const currentPasswordField = z
  .string({ error: "Enter your password." })
  .min(1, "Enter your password.")
  .max(PASSWORD_MAX_LENGTH, "That password is too long to be correct.");

const tokenField = z
  .string({ error: "This link is incomplete. Open the link from the email again." })
  .trim()
  .min(1, "This link is incomplete. Open the link from the email again.")
  .max(TOKEN_MAX_LENGTH, "This link is not valid. Open the link from the email again.")
  .regex(/^[A-Za-z0-9_-]+$/, "This link is not valid. Open the link from the email again.");

/** Optional text: blank becomes undefined. */
const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : undefined));

export const signUpSchema = z.object({
  name: z
    .string({ error: "Enter your name." })
    .trim()
    .min(1, "Enter your name.")
    .max(NAME_MAX_LENGTH, `Names have at most ${NAME_MAX_LENGTH} characters.`)
    .regex(PLAIN_TEXT, plainTextMessage("A name")),
  email: emailField,
  password: newPasswordField,
  /** Blank means "name it after me"; anything else follows the one organisation-name rule. */
  organizationName: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    organizationNameSchema.optional(),
  ),
  callbackUrl: optionalText(2048, "That return address is too long."),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailField,
  password: currentPasswordField,
  callbackUrl: optionalText(2048, "That return address is too long."),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** What the Credentials provider accepts (the same fields, without where to go next). */
export const credentialsSchema = signInSchema.pick({ email: true, password: true });

export const forgotPasswordSchema = z.object({ email: emailField });

export const resetPasswordSchema = z
  .object({
    token: tokenField,
    password: newPasswordField,
    confirmPassword: z
      .string({ error: "Repeat the new password." })
      .max(PASSWORD_MAX_LENGTH, "The two passwords do not match."),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match.",
  });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** "Send a new link" from an expired or used verification link: the old token names the account. */
export const resendVerificationByTokenSchema = z.object({ token: tokenField });

/** "Send a new link" for the signed-in user: no fields. */
export const resendVerificationSchema = z.object({});

export const tokenQuerySchema = tokenField;

/** "Sign out everywhere" takes no input: it acts on the signed-in user's own sessions. */
export const signOutEverywhereSchema = z.object({});
