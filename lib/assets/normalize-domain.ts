import net from "node:net";
import { domainToASCII } from "node:url";
import { fail, ok, type ParseResult } from "./target-types";

export const MAX_DOMAIN_LENGTH = 253;
export const MAX_LABEL_LENGTH = 63;

const IP_AS_DOMAIN =
  "looks like an IP address written in an unusual form. Enter it as four decimal numbers without leading zeros, like 192.0.2.10.";
const NUMERIC_TLD = "The last part of a domain name (like .com) cannot be only digits.";

// Full stops that IDNA maps to "." (ideographic, full-width, half-width).
const DOT_LIKE = /[.\u3002\uff0e\uff61]/;

function show(s: string, max = 40): string {
  return s.length > max ? `"${s.slice(0, max)}…"` : `"${s}"`;
}

/** Explains why the WHATWG host parser refused a name it could not map to ASCII. */
function explainUnmappable(input: string): string {
  const labels = input.split(DOT_LIKE).filter((l, i, all) => l !== "" || i < all.length - 1);
  if (labels.length > 0 && labels.every((l) => /^\d+$/.test(l))) return `${show(input)} ${IP_AS_DOMAIN}`;
  if (/^\d+$/.test(labels.at(-1) ?? "")) return NUMERIC_TLD;
  if (/xn--/i.test(input)) return `${show(input)} contains an invalid internationalised (xn--) part.`;
  return `${show(input)} is not a valid domain name. Use letters, digits, hyphens and dots, like example.com.`;
}

function checkLabels(ascii: string): string | null {
  const labels = ascii.split(".");
  if (labels.some((l) => l === ""))
    return "A domain name cannot have an empty part: remove the extra dot (two dots in a row, or a dot at the start).";
  if (labels.length < 2) return "Enter a full domain name with at least two parts, like example.com.";
  for (const label of labels) {
    if (label.length > MAX_LABEL_LENGTH) {
      return `Each part of a domain name between dots can be at most ${MAX_LABEL_LENGTH} characters; ${show(label, 20)} has ${label.length}.`;
    }
    const bad = /[^a-z0-9-]/.exec(label);
    if (bad) return `A domain name may contain only letters, digits and hyphens; "${bad[0]}" is not allowed.`;
    if (label.startsWith("-") || label.endsWith("-"))
      return `A part of a domain name cannot start or end with a hyphen: "${label}".`;
  }
  if (/^\d+$/.test(labels.at(-1)!)) return NUMERIC_TLD;
  if (ascii.length > MAX_DOMAIN_LENGTH)
    return `A domain name can be at most ${MAX_DOMAIN_LENGTH} characters long; this one has ${ascii.length}.`;
  return null;
}

/**
 * Lowercase punycode without the trailing dot. Expects input already screened for URLs, e-mail
 * addresses, ports and wildcards (see parseAssetTarget), which get their own advice.
 */
export function normalizeDomain(input: string): ParseResult<string> {
  if (/\s/.test(input)) return fail("A domain name cannot contain spaces.");
  // The WHATWG parser would percent-decode these; a domain name never contains them.
  if (input.includes("%")) return fail('A domain name cannot contain "%".');
  const mapped = domainToASCII(input);
  if (mapped === "") return fail(explainUnmappable(input));
  if (net.isIPv4(mapped)) return fail(`${show(input)} ${IP_AS_DOMAIN}`);
  const ascii = mapped.endsWith(".") ? mapped.slice(0, -1) : mapped;
  const problem = checkLabels(ascii);
  return problem ? fail(problem) : ok(ascii);
}
