/** What a TLS handshake revealed: protocol version, cipher and the leaf certificate. */
import type { TLSSocket } from "node:tls";
import type { X509Certificate } from "node:crypto";
import type { TlsInfo } from "../types";
import { safeField } from "../banner";

/** OpenSSL prints dates as "Jan  1 00:00:00 2024 GMT"; Date parses that format. */
function isoDate(text: string | undefined): string | null {
  if (!text) return null;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Node gives "CN=a\nO=b"; one line "CN=a, O=b" reads better. Values are escaped (a CN may hold anything). */
function distinguishedName(text: string | undefined): string | null {
  if (!text) return null;
  return safeField(text.split("\n").join(", "), 500, "utf8");
}

/**
 * Splits Node's subjectAltName ("DNS:a.test, IP Address:127.0.0.1"). Since CVE-2021-44533 Node
 * JSON-quotes values containing separators, so commas inside quotes are not separators.
 */
export function splitSubjectAltNames(text: string | undefined): string[] {
  if (!text) return [];
  const names: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "\\" && quoted && i + 1 < text.length) {
      current += char + text[++i];
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === "," && !quoted) {
      names.push(current.trim());
      current = "";
    } else {
      current += char;
    }
  }
  if (current.trim() !== "") names.push(current.trim());
  return names
    .filter((name) => name !== "")
    .slice(0, 100)
    .map((name) => safeField(name, 300, "utf8"));
}

function isSelfSigned(cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(cert) && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

export function tlsInfoFrom(socket: TLSSocket): TlsInfo {
  let cert: X509Certificate | undefined;
  try {
    cert = socket.getPeerX509Certificate();
  } catch {
    cert = undefined;
  }
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    subject: distinguishedName(cert?.subject),
    subjectAltNames: splitSubjectAltNames(cert?.subjectAltName),
    issuer: distinguishedName(cert?.issuer),
    validFrom: isoDate(cert?.validFrom),
    validTo: isoDate(cert?.validTo),
    selfSigned: cert ? isSelfSigned(cert) : false,
  };
}
