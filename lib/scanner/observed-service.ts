/**
 * The observed-service contract: one open (or silent UDP) port and what answered on it, declared once.
 * The scanner emits it, storage keeps it (PortInterval, ExposureChange before/after), events carry it
 * (`asset/exposure.changed`), the grading method reads it, and the dashboard, API and reports show it.
 * Adding a fact means adding it to serviceFactsSchema here, and nowhere else.
 *
 * Pure: zod only. Map a stored PortInterval with lib/scan-runs/observed-port-of-interval.ts.
 */
import { z } from "zod";

export const protocolSchema = z.enum(["tcp", "udp"]);
export type Protocol = z.infer<typeof protocolSchema>;

/** open|filtered is UDP-only: silence proves nothing. */
export const portStateSchema = z.enum(["open", "closed", "filtered", "open|filtered"]);
export type PortState = z.infer<typeof portStateSchema>;

/** The TLS handshake of a port (implicit TLS or STARTTLS). Dates are ISO 8601. */
export const tlsInfoSchema = z.object({
  /** e.g. "TLSv1.3", "TLSv1" */
  protocol: z.string().nullable(),
  cipher: z.string().nullable(),
  subject: z.string().nullable(),
  subjectAltNames: z.array(z.string()),
  issuer: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  selfSigned: z.boolean(),
});
export type TlsInfo = z.infer<typeof tlsInfoSchema>;

/**
 * Behaviour the probes observed that changes how risky a service is. A key is absent when the probes
 * could not tell (or it does not apply to the service); records written before a fact existed lack it.
 */
export const serviceFactsSchema = z.object({
  /** HTTP: a plain request was answered with a redirect to an https:// URL. */
  redirectsToHttps: z.boolean().optional(),
  /** DNS: the server offers recursion to us, an outside client (RA set on a successful answer). */
  recursionAvailable: z.boolean().optional(),
  /**
   * The service let us in without credentials: VNC offers security type "None", an MQTT broker accepted
   * an anonymous CONNECT, Redis answered PING without AUTH. False when it asked for credentials.
   */
  unauthenticatedAccess: z.boolean().optional(),
  /** How clients may authenticate, as the server offered: VNC security types, RDP security protocols. */
  authenticationMethods: z.array(z.string().max(80)).max(32).optional(),
  /** Protocol version or dialect the server speaks: RFB "3.8", SMB "3.1.1". */
  protocolVersion: z.string().max(40).optional(),
  /** Operating system the service states before login: SMB's NTLM challenge ("Windows Server 2022 (NT 10.0 build 20348)"). */
  operatingSystem: z.string().max(120).optional(),
  /** The name the server gives itself before login (SMB's NTLM challenge: DNS or NetBIOS computer name). */
  hostName: z.string().max(120).optional(),
  /** The Windows or DNS domain the server states before login (SMB's NTLM challenge). */
  domainName: z.string().max(120).optional(),
});
export type ServiceFacts = z.infer<typeof serviceFactsSchema>;

/** What the port answered: the service as Portwatch remembers it. Service names use the IANA vocabulary. */
export const observedServiceSchema = z.object({
  state: portStateSchema,
  /** What IANA registers for the port. */
  typicalService: z.string().nullable(),
  /** The port has no meaningful registration and nothing was detected yet. */
  pendingClassification: z.boolean(),
  /** What the port itself answered, in the same vocabulary. */
  detectedService: z.string().nullable(),
  product: z.string().nullable(),
  version: z.string().nullable(),
  /** Vendor or distribution revision the service states beside its version (OpenSSH `9.2p1` + `Debian-2+deb12u3`). */
  versionRevision: z.string().nullable(),
  tls: tlsInfoSchema.nullable(),
  /** Raw first bytes the service sent, capped and with binary bytes escaped. */
  banner: z.string().nullable(),
  facts: serviceFactsSchema,
});
export type ObservedService = z.infer<typeof observedServiceSchema>;

/** An observed service with where it was seen. */
export const observedPortSchema = observedServiceSchema.extend({
  ip: z.union([z.ipv4(), z.ipv6()], { error: "expected an IPv4 or IPv6 address" }),
  port: z.int().min(1).max(65535),
  protocol: protocolSchema,
});
export type ObservedPort = z.infer<typeof observedPortSchema>;

/** Ports worth remembering: reachable TCP ports, and UDP ports that answered or stayed silent. */
export function isObservedOpen(port: Pick<ObservedService, "state">): boolean {
  return port.state === "open" || port.state === "open|filtered";
}

const SERVICE_FIELDS = observedServiceSchema.keyof().options;

/** The service part of an observed port (drops where it was seen and anything else the caller carries). */
export function observedService(port: ObservedService): ObservedService {
  return Object.fromEntries(SERVICE_FIELDS.map((field) => [field, port[field]])) as ObservedService;
}
