import type { TargetRefusedError } from "@/lib/scanner";

/**
 * What a customer reads when the scanner refuses a target. The scanner's own reason names the
 * addresses a name resolved to and the range that refused them, which would turn the product into an
 * oracle for internal DNS; that detail goes to the server log only.
 */
export function refusedTargetMessage(error: TargetRefusedError): string {
  console.warn("[portwatch] scan target refused", {
    target: error.target,
    reason: error.reason,
    detail: error.message,
  });
  // "Unresolvable" and "not public" read the same: telling them apart would say which internal names exist.
  return `${error.target} was not scanned: it does not resolve to a public address that Portwatch may scan. Check its DNS A and AAAA records.`;
}
