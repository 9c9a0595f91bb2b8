import { z } from "zod";

export const MAX_EXTRA_RECIPIENTS = 10;

/** Whether `timeZone` is an IANA zone this runtime knows (Europe/Amsterdam, UTC, …). */
export function isTimeZone(timeZone: string): boolean {
  if (timeZone.length === 0 || timeZone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal(""), z.boolean()])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === true);

/** Addresses typed one per line or separated by commas: each one checked, lowercase, at most ten. */
const extraRecipients = z
  .string()
  .max(3000, "That list is too long.")
  .default("")
  .transform((text) => [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.email({ error: (issue) => `“${String(issue.input)}” is not an e-mail address.` }).max(254))
      .max(MAX_EXTRA_RECIPIENTS, `At most ${MAX_EXTRA_RECIPIENTS} extra recipients.`),
  );

/** The organisation's report and alert settings (/settings/reports). */
export const reportSettingsSchema = z.object({
  schedule: z.enum(["OFF", "DAILY", "WEEKLY", "MONTHLY"], { error: "Choose when the report is sent." }),
  timeZone: z
    .string({ error: "Choose a time zone." })
    .trim()
    .refine(isTimeZone, "Choose a time zone from the list, like Europe/Amsterdam."),
  extraRecipients,
  confirmOpenedPorts: checkbox,
});

export const sendReportNowSchema = z.object({});

/** One member's own mail settings (/settings/alerts). */
export const memberMailSettingsSchema = z.object({
  receivesReports: checkbox,
  alertDelivery: z.enum(["IMMEDIATE", "DIGEST", "OFF"], { error: "Choose how alerts reach you." }),
  critical: checkbox,
  high: checkbox,
  medium: checkbox,
  low: checkbox,
});

export type ReportSettingsInput = z.infer<typeof reportSettingsSchema>;
export type MemberMailSettingsInput = z.infer<typeof memberMailSettingsSchema>;
