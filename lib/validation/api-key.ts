import { z } from "zod";
import { PLAIN_TEXT, plainTextMessage } from "./plain-text";

export const API_KEY_NAME_MAX_LENGTH = 100;
export const API_KEY_SCOPES = ["READ", "READ_WRITE"] as const;
/** The furthest expiry one may choose: a key that should live longer is better rotated. */
export const API_KEY_MAX_DAYS = 730;

const DAY_MS = 24 * 60 * 60 * 1000;

export const apiKeyNameSchema = z
  .string({ error: "Enter a name for the key, like “SIEM import”." })
  .trim()
  .min(1, "Enter a name for the key, like “SIEM import”.")
  .max(API_KEY_NAME_MAX_LENGTH, `A key name can be at most ${API_KEY_NAME_MAX_LENGTH} characters.`)
  .regex(PLAIN_TEXT, plainTextMessage("A key name"));

export const apiKeyScopeSchema = z.enum(API_KEY_SCOPES, { error: "Choose read-only or read and write." });

/**
 * Optional expiry, as a date (YYYY-MM-DD): the key stops working at 00:00 UTC that day. Blank means it
 * never expires. `now` is read at parse time so the check is "after today", whenever the form is sent.
 */
export const apiKeyExpirySchema = z
  .preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.iso
      .date({ error: "The expiry is a date like 2027-01-31, or blank for a key that does not expire." })
      .transform((d) => new Date(`${d}T00:00:00.000Z`))
      .refine((d) => d.getTime() > Date.now(), "The expiry must be a date after today.")
      .refine(
        (d) => d.getTime() <= Date.now() + API_KEY_MAX_DAYS * DAY_MS,
        `A key can expire at most ${API_KEY_MAX_DAYS} days from now.`,
      )
      .optional(),
  )
  .optional();

export const createApiKeySchema = z.object({
  name: apiKeyNameSchema,
  scope: apiKeyScopeSchema,
  expiresAt: apiKeyExpirySchema,
});

export const revokeApiKeySchema = z.object({
  apiKeyId: z.string({ error: "Choose a key." }).trim().min(1, "Choose a key.").max(64, "That key id is not valid."),
});

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
