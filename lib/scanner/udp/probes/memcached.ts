import { randomInt } from "node:crypto";
import type { UdpProbe } from "./udp-probe";

/** memcached's UDP frame header (request id, sequence 0, 1 datagram, reserved) then "version". */
export const memcachedProbe: UdpProbe = {
  ports: [11211],
  build() {
    const requestId = randomInt(0, 65_536);
    const header = Buffer.alloc(8);
    header.writeUInt16BE(requestId, 0);
    header.writeUInt16BE(1, 4);
    return {
      packets: [Buffer.concat([header, Buffer.from("version\r\n")])],
      identify(reply) {
        if (reply.length < 8 || reply.readUInt16BE(0) !== requestId) return null;
        const text = reply.subarray(8).toString("latin1");
        const match = /^VERSION (\S+)/.exec(text);
        if (!match)
          return /^(ERROR|SERVER_ERROR|CLIENT_ERROR)/.test(text)
            ? { detectedService: "memcache", product: "Memcached", version: null, summary: text.trim() }
            : null;
        return { detectedService: "memcache", product: "Memcached", version: match[1]!, summary: text.trim() };
      },
    };
  },
};
