/**
 * FTP greeting (RFC 959): `220` (or `421` when busy), possibly multi-line `220-`.
 * Examples: `220 (vsFTPd 3.0.3)`, `220 ProFTPD Server (Debian)`, `220---------- Welcome to Pure-FTPd`.
 */
import type { Recogniser } from "../types";
import { field, lines } from "../text";

const GREETING = /^(220|421)[ -](.*)$/;

const PRODUCTS: ReadonlyArray<{ pattern: RegExp; product: string }> = [
  { pattern: /\bvsFTPd (\d[\w.]*)/i, product: "vsftpd" },
  { pattern: /\bvsFTPd\b/i, product: "vsftpd" },
  { pattern: /\bProFTPD(?: (\d[\w.]*))?/, product: "ProFTPD" },
  { pattern: /\bPure-FTPd\b/, product: "Pure-FTPd" },
  { pattern: /\bFileZilla Server(?: version)?(?: (\d[\w.]*))?/i, product: "FileZilla Server" },
  { pattern: /\bMicrosoft FTP Service\b/, product: "Microsoft FTP Service" },
  { pattern: /\bGNU inetutils (\d[\w.]*)/, product: "GNU inetutils ftpd" },
];

export function looksLikeFtp(text: string): boolean {
  return /\bFTP/i.test(text) || PRODUCTS.some(({ pattern }) => pattern.test(text));
}

export const recogniseFtp: Recogniser = (reply) => {
  const greeting = lines(reply, 32)
    .map((line) => GREETING.exec(line))
    .filter((match): match is RegExpExecArray => match !== null);
  if (greeting.length === 0) return null;
  const text = greeting.map((match) => match[2]).join(" ");
  if (!looksLikeFtp(text)) return null;
  for (const { pattern, product } of PRODUCTS) {
    const match = pattern.exec(text);
    if (match) return { protocol: "ftp", product, version: field(match[1] ?? null) };
  }
  return { protocol: "ftp", product: null, version: null };
};
