/**
 * Typical service of a port: the most likely service to run there (Bitsight's definition), from
 * several sources documented in docs/typical-services.md:
 * 1. a curated table of well-established alternates (./alternates.ts), e.g. SMTP submission on 2525;
 * 2. IANA registrations in real use today (./in-use.ts);
 * 3. everything else — registered but fallen out of use, unassigned, reserved, dynamic — is
 *    "pending classification" until a service is detected there.
 * IANA's own entry is always returned beside it (`ianaService`), as evidence.
 */
import { assertValidPort, ianaService } from "../iana";
import type { Protocol, TypicalService } from "../types";
import { alternateFor } from "./alternates";
import { inUseRegistration } from "./in-use";

export type TypicalServiceSource = "alternate" | "iana-in-use" | "pending";

export function typicalServiceSource(port: number, protocol: Protocol): TypicalServiceSource {
  assertValidPort(port, protocol);
  if (alternateFor(port, protocol)) return "alternate";
  return inUseRegistration(port, protocol) === undefined ? "pending" : "iana-in-use";
}

export function typicalService(port: number, protocol: Protocol): TypicalService {
  const iana = ianaService(port, protocol);
  const name = typicalServiceName(port, protocol);
  return { typicalService: name, pendingClassification: name === null, ianaService: iana };
}

/** Just the name: what detection uses to order its probes. */
export function typicalServiceName(port: number, protocol: Protocol): string | null {
  assertValidPort(port, protocol);
  return alternateFor(port, protocol)?.service ?? inUseRegistration(port, protocol) ?? null;
}
