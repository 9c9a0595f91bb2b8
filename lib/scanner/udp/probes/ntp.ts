import type { UdpProbe } from "./udp-probe";

/** NTPv4 client request (mode 3); servers answer with mode 4 and their stratum. */
export const ntpProbe: UdpProbe = {
  ports: [123],
  build() {
    const packet = Buffer.alloc(48);
    packet[0] = (0 << 6) | (4 << 3) | 3;
    // Transmit timestamp: servers copy it into the origin field of the reply, which we check.
    const seconds = Math.floor(Date.now() / 1000) + 2_208_988_800;
    packet.writeUInt32BE(seconds >>> 0, 40);
    packet.writeUInt32BE((Math.random() * 2 ** 32) >>> 0, 44);
    const origin = packet.subarray(40, 48);
    return {
      packets: [packet],
      identify(reply) {
        if (reply.length < 48) return null;
        const mode = reply[0]! & 0x07;
        const version = (reply[0]! >> 3) & 0x07;
        if (mode !== 4 || !reply.subarray(24, 32).equals(origin)) return null;
        const stratum = reply[1]!;
        return { detectedService: "ntp", product: null, version: null, summary: `NTPv${version}, stratum ${stratum}` };
      },
    };
  },
};
