/**
 * A TLS record header (alert 0x15 or handshake 0x16, version 3.x) in a plain reply: the port
 * speaks TLS and refused our cleartext probe. Only used to schedule the TLS handshake next.
 */
import type { Recogniser } from "../types";

export const recogniseTlsRecord: Recogniser = (reply) => {
  if (reply.length < 5) return null;
  const type = reply[0]!;
  if ((type !== 0x15 && type !== 0x16) || reply[1] !== 0x03 || reply[2]! > 0x04) return null;
  return { protocol: "tls", product: null, version: null };
};
