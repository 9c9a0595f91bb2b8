/**
 * DNS over TCP (RFC 1035 §4.2.2, 2-byte length prefix): a `version.bind` CH TXT query. Any
 * response to our ID identifies DNS (REFUSED included); the TXT answer, when given, names the
 * software (`9.18.28-1~deb12u2-Debian` is BIND's format, others prefix their name).
 */
import dnsPacket from "dns-packet";
import type { ServiceFacts } from "../../types";
import type { Recognition, Recogniser } from "../types";
import { total } from "../byte-reader";
import { field, revisionOf } from "../text";

const QUERY_ID = 0x7077;

/**
 * The query both the TCP probe and the UDP probe send. Recursion desired, so that a resolver's reply
 * states whether it would recurse for us; the name is answered by the server itself (CHAOS class),
 * so asking it never makes the server query anyone else.
 */
export function versionBindQuery(id: number): dnsPacket.Packet {
  return {
    type: "query",
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: "TXT", class: "CH", name: "version.bind" }],
  };
}

export const VERSION_BIND_QUERY = dnsPacket.streamEncode(versionBindQuery(QUERY_ID));

const PRODUCTS: ReadonlyArray<{ pattern: RegExp; product: string }> = [
  { pattern: /^unbound (\d[\w.]*)/i, product: "Unbound" },
  { pattern: /^dnsmasq-(\d[\w.]*)/i, product: "dnsmasq" },
  { pattern: /^PowerDNS Authoritative Server (\d[\w.]*)/i, product: "PowerDNS Authoritative Server" },
  { pattern: /^PowerDNS Recursor (\d[\w.]*)/i, product: "PowerDNS Recursor" },
  { pattern: /^Knot DNS (\d[\w.]*)/i, product: "Knot DNS" },
  { pattern: /^Microsoft DNS (\d[\w.]*)/i, product: "Microsoft DNS" },
  // BIND answers with its bare version; operators often replace it with free text, which we ignore.
  // `9.18.28-1~deb12u2-Debian`: the distribution revision follows the version.
  { pattern: /^(\d+\.\d+\.\d+)(?:-([-~+.\w]+))?$/, product: "BIND" },
];

function productFromVersionText(text: string): Pick<Recognition, "product" | "version" | "revision"> {
  for (const { pattern, product } of PRODUCTS) {
    const match = pattern.exec(text.trim());
    if (match) return { product, version: field(match[1]), ...revisionOf(match[2]) };
  }
  return { product: null, version: null };
}

const RCODE_NOERROR = 0;
const RCODE_NXDOMAIN = 3;
const RCODE_REFUSED = 5;

/**
 * Whether the server offers us recursion. A resolver sets RA (recursion available) when it would
 * recurse for this client; one that answers us normally with RA set is an open resolver. RA cleared,
 * or a refusal, says it is not; other failures say nothing.
 */
function recursionAvailable(flags: number): boolean | undefined {
  const rcode = flags & 0x0f;
  if ((flags & dnsPacket.RECURSION_AVAILABLE) === 0 || rcode === RCODE_REFUSED) return false;
  return rcode === RCODE_NOERROR || rcode === RCODE_NXDOMAIN ? true : undefined;
}

/** What a reply to versionBindQuery() says, over TCP or UDP: the software, its version text and recursion. */
export function describeDnsReply(packet: dnsPacket.Packet): Pick<Recognition, "product" | "version" | "revision"> & {
  versionText: string | null;
  facts: ServiceFacts;
} {
  const txt = (packet.answers ?? []).find((answer) => answer.type === "TXT");
  const data = txt && "data" in txt ? txt.data : undefined;
  const chunks = Array.isArray(data) ? data : data === undefined ? [] : [data];
  const text = chunks
    .map((chunk) => (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("latin1")))
    .join("");
  const recursion = recursionAvailable(packet.flags ?? 0);
  return {
    ...productFromVersionText(text),
    versionText: text || null,
    facts: recursion === undefined ? {} : { recursionAvailable: recursion },
  };
}

export const recogniseDns: Recogniser = (reply) =>
  total(() => {
    if (reply.length < 14 || reply.readUInt16BE(0) < 12 || reply.readUInt16BE(2) !== QUERY_ID) return null;
    const packet = dnsPacket.streamDecode(reply);
    if (!packet || packet.id !== QUERY_ID || packet.type !== "response") return null;
    const { versionText: _shownInBanner, ...recognition } = describeDnsReply(packet);
    return { protocol: "dns", ...recognition };
  });
