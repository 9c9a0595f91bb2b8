import { randomInt } from "node:crypto";
import type { UdpProbe } from "./udp-probe";

/** First-level encoding (RFC 1001 §14.1) of the wildcard name "*" padded with NULs: "CKAAAA...". */
const WILDCARD_NAME = Buffer.concat([Buffer.from([32]), Buffer.from("CK" + "A".repeat(30)), Buffer.from([0])]);

export function parseNodeStatus(reply: Buffer, transactionId: number): { names: string[]; mac: string | null } | null {
  if (reply.length < 57 || reply.readUInt16BE(0) !== transactionId || (reply[2]! & 0x80) === 0) return null;
  // Header (12) + echoed wildcard name (34) + type, class, TTL, rdlength (10) = 56, then the name count.
  if (reply.readUInt16BE(46) !== 0x21) return null;
  const count = reply[56]!;
  const names: string[] = [];
  let offset = 57;
  for (let i = 0; i < count && offset + 18 <= reply.length; i++, offset += 18) {
    const name = reply
      .subarray(offset, offset + 15)
      .toString("latin1")
      .trimEnd();
    const suffix = reply[offset + 15]!;
    names.push(`${name}<${suffix.toString(16).padStart(2, "0")}>`);
  }
  const macBytes = reply.subarray(offset, offset + 6);
  const mac = macBytes.length === 6 ? [...macBytes].map((b) => b.toString(16).padStart(2, "0")).join(":") : null;
  return { names, mac };
}

/** NetBIOS node status request (NBSTAT) for "*": Windows and Samba list their names. */
export const netbiosProbe: UdpProbe = {
  ports: [137],
  build() {
    const transactionId = randomInt(0, 65_536);
    const header = Buffer.alloc(12);
    header.writeUInt16BE(transactionId, 0);
    header.writeUInt16BE(1, 4);
    const question = Buffer.concat([WILDCARD_NAME, Buffer.from([0x00, 0x21, 0x00, 0x01])]);
    return {
      packets: [Buffer.concat([header, question])],
      identify(reply) {
        const status = parseNodeStatus(reply, transactionId);
        if (!status) return null;
        // Samba answers with an all-zero MAC; Windows with the adapter's.
        const product = status.mac === "00:00:00:00:00:00" ? "Samba nmbd" : null;
        return { detectedService: "netbios-ns", product, version: null, summary: status.names.join(", ") || null };
      },
    };
  },
};
