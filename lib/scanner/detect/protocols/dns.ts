/**
 * DNS over TCP (RFC 1035 §4.2.2, 2-byte length prefix): a `version.bind` CH TXT query. Any
 * response to our ID identifies DNS (REFUSED included); the TXT answer, when given, names the
 * software (`9.18.28-1~deb12u2-Debian` is BIND's format, others prefix their name).
 */
import dnsPacket from "dns-packet";
import type { Recognition, Recogniser } from "../types";
import { total } from "../byte-reader";
import { field } from "../text";

const QUERY_ID = 0x7077;

export const VERSION_BIND_QUERY = dnsPacket.streamEncode({
  type: "query",
  id: QUERY_ID,
  flags: 0,
  questions: [{ type: "TXT", class: "CH", name: "version.bind" }],
});

const PRODUCTS: ReadonlyArray<{ pattern: RegExp; product: string }> = [
  { pattern: /^unbound (\d[\w.]*)/i, product: "Unbound" },
  { pattern: /^dnsmasq-(\d[\w.]*)/i, product: "dnsmasq" },
  { pattern: /^PowerDNS Authoritative Server (\d[\w.]*)/i, product: "PowerDNS Authoritative Server" },
  { pattern: /^PowerDNS Recursor (\d[\w.]*)/i, product: "PowerDNS Recursor" },
  { pattern: /^Knot DNS (\d[\w.]*)/i, product: "Knot DNS" },
  { pattern: /^Microsoft DNS (\d[\w.]*)/i, product: "Microsoft DNS" },
  // BIND answers with its bare version; operators often replace it with free text, which we ignore.
  { pattern: /^(\d+\.\d+\.\d+)(?:[-~+.\w]*)$/, product: "BIND" },
];

function productFromVersionText(text: string): Pick<Recognition, "product" | "version"> {
  for (const { pattern, product } of PRODUCTS) {
    const match = pattern.exec(text.trim());
    if (match) return { product, version: field(match[1]) };
  }
  return { product: null, version: null };
}

export const recogniseDns: Recogniser = (reply) =>
  total(() => {
    if (reply.length < 14 || reply.readUInt16BE(0) < 12 || reply.readUInt16BE(2) !== QUERY_ID) return null;
    const packet = dnsPacket.streamDecode(reply);
    if (!packet || packet.id !== QUERY_ID || packet.type !== "response") return null;
    const txt = (packet.answers ?? []).find((answer) => answer.type === "TXT");
    const data = txt && "data" in txt ? txt.data : undefined;
    const chunks = Array.isArray(data) ? data : data === undefined ? [] : [data];
    const text = chunks.map((chunk) => (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("latin1"))).join("");
    return { protocol: "dns", ...productFromVersionText(text) };
  });
