import { randomInt } from "node:crypto";
import type { UdpProbe } from "./udp-probe";

function tlv(tag: number, content: Buffer): Buffer {
  const len = content.length;
  const header = len < 0x80 ? [tag, len] : len < 0x100 ? [tag, 0x81, len] : [tag, 0x82, len >> 8, len & 0xff];
  return Buffer.concat([Buffer.from(header), content]);
}

const int32 = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeInt32BE(value);
  return tlv(0x02, bytes);
};

/** sysDescr.0 = 1.3.6.1.2.1.1.1.0 */
const SYS_DESCR_OID = Buffer.from([0x2b, 6, 1, 2, 1, 1, 1, 0]);

export function snmpGetRequest(community: string, requestId: number): Buffer {
  const varbind = tlv(0x30, Buffer.concat([tlv(0x06, SYS_DESCR_OID), tlv(0x05, Buffer.alloc(0))]));
  const pdu = tlv(0xa0, Buffer.concat([int32(requestId), int32(0), int32(0), tlv(0x30, varbind)]));
  return tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([1])), tlv(0x04, Buffer.from(community)), pdu]));
}

interface Node {
  tag: number;
  content: Buffer;
}

/** Reads the TLVs directly inside `data`; throws on truncation. */
function children(data: Buffer): Node[] {
  const nodes: Node[] = [];
  let offset = 0;
  while (offset < data.length) {
    const tag = data[offset++]!;
    let length = data[offset++];
    if (length === undefined) throw new Error("truncated");
    if (length & 0x80) {
      const count = length & 0x7f;
      if (count < 1 || count > 3) throw new Error("bad length");
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + data[offset++]!;
    }
    if (offset + length > data.length) throw new Error("truncated");
    nodes.push({ tag, content: data.subarray(offset, offset + length) });
    offset += length;
  }
  return nodes;
}

/** Request id and sysDescr of a GetResponse, or null when the reply is not one. */
export function parseSnmpResponse(reply: Buffer): { requestId: number; sysDescr: string | null } | null {
  try {
    const [message] = children(reply);
    if (message?.tag !== 0x30) return null;
    const [, , pdu] = children(message.content);
    if (pdu?.tag !== 0xa2) return null;
    const [id, , , varbinds] = children(pdu.content);
    if (id?.tag !== 0x02 || varbinds?.tag !== 0x30) return null;
    const requestId = id.content.readIntBE(0, Math.min(6, id.content.length));
    const [first] = children(varbinds.content);
    const [, value] = first ? children(first.content) : [];
    return { requestId, sysDescr: value?.tag === 0x04 ? value.content.toString("latin1") : null };
  } catch {
    return null;
  }
}

export function productOfSysDescr(sysDescr: string | null): { product: string | null; version: string | null } {
  if (!sysDescr) return { product: null, version: null };
  const cisco = /Cisco IOS.*?Version ([\w.()]+)/i.exec(sysDescr);
  if (cisco) return { product: "Cisco IOS", version: cisco[1]! };
  const linux = /^Linux \S+ (\d[\w.\-+]*)/.exec(sysDescr);
  if (linux) return { product: "Linux", version: linux[1]! };
  const windows = /^Hardware:.*Software: Windows.*Version ([\d.]+)/i.exec(sysDescr);
  if (windows) return { product: "Microsoft Windows", version: windows[1]! };
  return { product: null, version: null };
}

/** SNMPv2c GetRequest for sysDescr.0 with community "public". */
export const snmpProbe: UdpProbe = {
  ports: [161],
  build() {
    const requestId = randomInt(1, 2 ** 31 - 1);
    return {
      packets: [snmpGetRequest("public", requestId)],
      identify(reply) {
        const parsed = parseSnmpResponse(reply);
        if (!parsed || parsed.requestId !== requestId) return null;
        return { detectedService: "snmp", ...productOfSysDescr(parsed.sysDescr), summary: parsed.sysDescr };
      },
    };
  },
};
