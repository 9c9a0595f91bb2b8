import crypto from "node:crypto";
import { serviceFactsSchema, type ObservedService, type ServiceFacts } from "@/lib/scanner/observed-service";

const FACTS = Object.keys(serviceFactsSchema.shape) as (keyof ServiceFacts)[];
/** Fingerprints stored before facts could be added always listed these two, even when unknown. */
const HISTORICAL_FACT_COUNT = 2;

/**
 * "The same service" across scans. An unchanged port only moves its interval's lastSeenAt, so any field
 * that can change the grade must be part of the fingerprint, or a stale value would keep being graded.
 * The cipher and the banner are left out on purpose: servers may rotate cipher choice, and banners
 * often carry the time of day; neither is graded.
 */
export function serviceFingerprint(service: ObservedService): string {
  const tls = service.tls;
  const identity = [
    service.state,
    service.typicalService,
    service.pendingClassification,
    service.detectedService,
    service.product,
    service.version,
    tls
      ? [
          tls.protocol,
          tls.subject,
          [...tls.subjectAltNames].sort(),
          tls.issuer,
          tls.validFrom,
          tls.validTo,
          tls.selfSigned,
        ]
      : null,
    factsIdentity(service.facts),
    // Appended only when known, so services stored before revisions were read keep their fingerprint.
    ...(service.versionRevision ? [service.versionRevision] : []),
  ];
  return crypto.createHash("sha256").update(JSON.stringify(identity)).digest("hex");
}

/**
 * Every fact in schema order, unknown ones as null. Unknown facts after the historical ones are left
 * out, so adding a fact to the contract does not change the fingerprint of services that lack it
 * (which would report every stored port as changed on its next scan).
 */
function factsIdentity(facts: ServiceFacts): (ServiceFacts[keyof ServiceFacts] | null)[] {
  const values = FACTS.map((fact) => facts[fact] ?? null);
  while (values.length > HISTORICAL_FACT_COUNT && values.at(-1) === null) values.pop();
  return values;
}

/** Key of a port on a host: one interval at most is open per key. */
export function portKey(port: number, protocol: string): string {
  return `${port}/${protocol.toLowerCase()}`;
}
