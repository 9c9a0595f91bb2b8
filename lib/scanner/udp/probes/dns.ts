import { randomInt } from "node:crypto";
import dnsPacket from "dns-packet";
import { describeDnsReply, versionBindQuery } from "../../detect/protocols/dns";
import type { UdpProbe } from "./udp-probe";

/** CHAOS TXT version.bind, as over TCP: answered by BIND, Unbound, dnsmasq, PowerDNS... a refusal still proves DNS. */
export const dnsProbe: UdpProbe = {
  ports: [53],
  build() {
    const id = randomInt(0, 65_536);
    return {
      packets: [dnsPacket.encode(versionBindQuery(id))],
      identify(reply) {
        let decoded: dnsPacket.Packet;
        try {
          decoded = dnsPacket.decode(reply);
        } catch {
          return null;
        }
        if (decoded.id !== id || decoded.type !== "response") return null;
        const { product, version, revision, versionText, facts } = describeDnsReply(decoded);
        const summary = versionText
          ? `version.bind: ${versionText}`
          : `DNS response code ${(decoded.flags ?? 0) & 0x0f}`;
        return { detectedService: "domain", product, version, revision, facts, summary };
      },
    };
  },
};
