import type { OrgContext } from "@/lib/authz/require-membership";

/** What every dashboard query needs from the caller's organisation context: the id it scopes by. */
export type OrgScope = Pick<OrgContext, "organizationId">;

/** Days between `since` and now, as the start of the window (UTC midnight). */
export function windowStart(days: number, now: Date = new Date()): Date {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return start;
}
