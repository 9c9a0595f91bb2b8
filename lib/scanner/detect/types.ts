/** Internal shapes shared by the protocol recognisers and the detection orchestrator. */
import type { ServiceFacts } from "../types";

/** Protocols we can recognise. Each maps to IANA service names in ./service-names.ts. */
export type ProtocolId =
  | "http"
  | "elasticsearch"
  | "docker"
  | "tls"
  | "ssh"
  | "ftp"
  | "smtp"
  | "pop3"
  | "imap"
  | "telnet"
  | "mysql"
  | "postgresql"
  | "redis"
  | "memcached"
  | "mongodb"
  | "mqtt"
  | "amqp"
  | "ldap"
  | "dns"
  | "rdp"
  | "mssql"
  | "smb"
  | "vnc";

/** What one recogniser concluded from one reply. */
export interface Recognition {
  protocol: ProtocolId;
  product: string | null;
  version: string | null;
  /** Vendor or distribution revision beside the version (`Debian-2+deb12u3`): backported fixes depend on it. */
  revision?: string | null;
  facts?: ServiceFacts;
}

/**
 * A recogniser is total: it takes any bytes, never throws, and returns null when the bytes are not
 * (recognisably) its protocol.
 */
export type Recogniser = (reply: Buffer) => Recognition | null;
