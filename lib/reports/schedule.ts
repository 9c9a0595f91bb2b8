import { Cron } from "croner";
import type { ReportSchedule } from "@/lib/generated/prisma/enums";

/** When each schedule sends, in the organisation's time zone: 08:00 daily, Monday 08:00, the 1st at 08:00. */
const PATTERNS: Record<Exclude<ReportSchedule, "OFF">, string> = {
  DAILY: "0 0 8 * * *",
  WEEKLY: "0 0 8 * * 1",
  MONTHLY: "0 0 8 1 * *",
};

/** A scheduled send missed for longer than this (server down for days) is skipped, not sent late. */
const LATEST_CATCH_UP_MS = 24 * 3600 * 1000;

/** The most recent scheduled send time at or before `now`, or null for OFF or when that time is too old. */
export function latestScheduledSend(schedule: ReportSchedule, timeZone: string, now: Date): Date | null {
  if (schedule === "OFF") return null;
  const [previous] = new Cron(PATTERNS[schedule], { timezone: timeZone, paused: true }).previousRuns(1, now);
  if (!previous || now.getTime() - previous.getTime() > LATEST_CATCH_UP_MS) return null;
  return previous;
}

/** The next scheduled send after `now` (shown on the settings page), null for OFF. */
export function nextScheduledSend(schedule: ReportSchedule, timeZone: string, now: Date): Date | null {
  if (schedule === "OFF") return null;
  return new Cron(PATTERNS[schedule], { timezone: timeZone, paused: true }).nextRun(now);
}

/** The period a report covers, ending at `end`: one day, one week or one calendar month back. */
export function reportPeriodStart(schedule: ReportSchedule, end: Date): Date {
  const start = new Date(end);
  if (schedule === "DAILY") start.setUTCDate(start.getUTCDate() - 1);
  else if (schedule === "MONTHLY") start.setUTCMonth(start.getUTCMonth() - 1);
  else start.setUTCDate(start.getUTCDate() - 7);
  return start;
}
