import { familyOfService, normaliseServiceName } from "@/lib/grading/rule-index";

/**
 * Whether a port runs something other than what its registration says. Both must be known, and
 * services of one family (http/https, imap/imaps: docs/grading.md §3) are not a mismatch. Broader
 * than the grade's +4 "service mismatch" extra, which only counts registrations the method knows.
 */
export function servicesDiffer(typical: string | null, detected: string | null): boolean {
  const t = normaliseServiceName(typical);
  const d = normaliseServiceName(detected);
  if (t === null || d === null || t === d) return false;
  return familyOfService(t) !== familyOfService(d);
}
