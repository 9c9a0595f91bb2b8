/**
 * VNC / RFB (RFC 6143 §7.1): the server opens with its protocol version (`RFB 003.008\n`, 12 bytes).
 * Answering with a version makes it list the security types it offers (§7.1.2; a single 32-bit type
 * in 3.3); we read that list and hang up without choosing one. Type 1, "None", means the screen and
 * keyboard are open to anyone: that is what makes an exposed VNC server critical.
 */
import type { Recognition, Recogniser } from "../types";
import { ByteReader, total } from "../byte-reader";

const VERSION = /^RFB (\d{3})\.(\d{3})\n/;

/** IANA "RFB Security Types" registry names (and the vendor types seen in the wild). */
const SECURITY_TYPE_NAMES: Readonly<Record<number, string>> = {
  1: "None",
  2: "VNC Authentication",
  5: "RA2",
  6: "RA2ne",
  16: "Tight",
  17: "Ultra",
  18: "TLS",
  19: "VeNCrypt",
  20: "GTK-VNC SASL",
  21: "MD5 hash authentication",
  22: "Colin Dean xvp",
  30: "Apple Remote Desktop",
  113: "UltraVNC MS-Logon II",
};

export const SECURITY_TYPE_NONE = 1;

export function securityTypeName(type: number): string {
  return SECURITY_TYPE_NAMES[type] ?? `type ${type}`;
}

export const recogniseVnc: Recogniser = (reply) => {
  const match = VERSION.exec(reply.subarray(0, 12).toString("latin1"));
  if (!match) return null;
  return {
    protocol: "vnc",
    product: null,
    version: null,
    facts: { protocolVersion: `${Number(match[1])}.${Number(match[2])}` },
  };
};

/** The version we answer with: 3.8 (or the server's own 3.3/3.7); servers announcing more (Apple's 3.889) accept 3.8. */
export function clientVersion(serverGreeting: Buffer): Buffer | null {
  const match = VERSION.exec(serverGreeting.subarray(0, 12).toString("latin1"));
  if (!match) return null;
  const minor = Number(match[1]) > 3 ? 8 : Math.min(8, Number(match[2]));
  const chosen = minor >= 8 ? 8 : minor >= 7 ? 7 : 3;
  return Buffer.from(`RFB 003.00${chosen}\n`, "latin1");
}

/**
 * The security types in the server's answer to our version (3.7+: count then one byte each;
 * 3.3: one 32-bit type). Zero types, or type 0 in 3.3, is a refusal (e.g. too many failed logins).
 */
export function parseSecurityTypes(reply: Buffer, chosen: Buffer): number[] | null {
  return total(() => {
    const reader = new ByteReader(reply);
    if (chosen.toString("latin1") === "RFB 003.003\n") {
      const type = reader.u32be();
      return type > 255 ? null : type === 0 ? [] : [type];
    }
    const count = reader.u8();
    if (count === 0) return [];
    return [...reader.bytesOf(count)];
  });
}

/** Facts from the offered security types: their names, and whether "None" lets anyone in. */
export function securityFacts(types: readonly number[]): Pick<Recognition, "facts">["facts"] {
  if (types.length === 0) return {};
  return {
    authenticationMethods: types.map(securityTypeName),
    unauthenticatedAccess: types.includes(SECURITY_TYPE_NONE),
  };
}
