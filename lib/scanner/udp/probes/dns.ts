import { randomInt } from "node:crypto";
import dnsPacket from "dns-packet";
import type { UdpProbe } from "./udp-probe";

/** CHAOS TXT version.bind: answered by BIND, Unbound, dnsmasq, PowerDNS... a refusal still proves DNS. */
export const dnsProbe: UdpProbe = {
  ports: [53],
  build() {
    const id = randomInt(0, 65_536);
    const packet = dnsPacket.encode({
      type: "query",
      id,
      flags: dnsPacket.RECURSION_DESIRED,
      questions: [{ type: "TXT", class: "CH", name: "version.bind" }],
    });
    return {
      packets: [packet],
      identify(reply) {
        let decoded: dnsPacket.Packet;
        try {
          decoded = dnsPacket.decode(reply);
        } catch {
          return null;
        }
        if (decoded.id !== id || decoded.type !== "response") return null;
        const txt = decoded.answers?.find((answer) => answer.type === "TXT");
        const data = txt && "data" in txt ? txt.data : null;
        const text = Array.isArray(data) ? data.map(String).join("") : data ? String(data) : null;
        return { detectedService: "domain", ...productOfVersionBind(text), summary: text ? `version.bind: ${text}` : `DNS response code ${(decoded.flags ?? 0) & 0x0f}` };
      },
    };
  },
};

export function productOfVersionBind(text: string | null): { product: string | null; version: string | null } {
  if (!text) return { product: null, version: null };
  const known: [RegExp, string][] = [
    [/^dnsmasq-(\S+)/i, "dnsmasq"],
    [/^unbound (\S+)/i, "Unbound"],
    [/^PowerDNS (?:Recursor|Authoritative Server)? ?(\S+)/i, "PowerDNS"],
    [/^Knot DNS (\S+)/i, "Knot DNS"],
    [/^(\d+\.\d+\.\d+\S*)/, "ISC BIND"],
  ];
  for (const [pattern, product] of known) {
    const match = pattern.exec(text);
    if (match) return { product, version: match[1] ?? null };
  }
  return { product: null, version: null };
}
