import type { ObservedPort } from "@/lib/scanner/observed-service";
import { GUIDANCE, type Guidance, type ServiceClass } from "./guidance";
import { CLASS_OF_RULE } from "./service-classes";

export type { ServiceClass } from "./guidance";

export interface Remediation {
  serviceClass: ServiceClass;
  title: string;
  meaning: string;
  /** How to close or restrict the exposure, most effective first. */
  fix: string[];
  /** How to check that the fix worked. */
  verify: string[];
}

/** Where a finding is, to write its commands out in full (a stored interval maps with observedPortOfInterval). */
export type FindingLocation = Pick<ObservedPort, "ip" | "port" | "protocol">;

/** The class of a grading rule; rules without guidance of their own (and null) get "unknown". */
export function serviceClassOf(ruleId: string | null | undefined): ServiceClass {
  return (ruleId && CLASS_OF_RULE[ruleId]) || "unknown";
}

/**
 * Guidance for a grading rule id (PortInterval.ruleId). Never throws: an unknown or missing rule gets
 * the unidentified-service guidance. With `at`, the commands name the finding's host and port.
 */
export function remediationFor(ruleId: string | null | undefined, at?: FindingLocation): Remediation {
  const serviceClass = serviceClassOf(ruleId);
  const guidance: Guidance = GUIDANCE[serviceClass];
  const fill = (text: string) => (at ? fillPlaceholders(text, at) : text);
  return {
    serviceClass,
    title: guidance.title,
    meaning: guidance.meaning,
    fix: guidance.fix.map(fill),
    verify: guidance.verify.map(fill),
  };
}

function fillPlaceholders(text: string, at: FindingLocation): string {
  const proto = at.protocol;
  const hostPort = at.ip.includes(":") ? `[${at.ip}]:${at.port}` : `${at.ip}:${at.port}`;
  return (
    text
      .replaceAll("{host}:{port}", hostPort)
      .replaceAll("{host}", at.ip)
      .replaceAll("{port}", String(at.port))
      // nmap's scan-type letter (-sT / -sU) and the protocol word.
      .replaceAll("-s{proto}", proto === "udp" ? "-sU" : "-sT")
      .replaceAll("{proto}", proto)
  );
}
