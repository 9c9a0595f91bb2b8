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

/** sysDescr.0 = 1.3.6.1.2.1.1.1.0 and sysObjectID.0 = 1.3.6.1.2.1.1.2.0 */
const SYS_DESCR_OID = Buffer.from([0x2b, 6, 1, 2, 1, 1, 1, 0]);
const SYS_OBJECT_ID_OID = Buffer.from([0x2b, 6, 1, 2, 1, 1, 2, 0]);

export function snmpGetRequest(community: string, requestId: number): Buffer {
  const varbind = (oid: Buffer) => tlv(0x30, Buffer.concat([tlv(0x06, oid), tlv(0x05, Buffer.alloc(0))]));
  const varbinds = Buffer.concat([varbind(SYS_DESCR_OID), varbind(SYS_OBJECT_ID_OID)]);
  const pdu = tlv(0xa0, Buffer.concat([int32(requestId), int32(0), int32(0), tlv(0x30, varbinds)]));
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

/** Dotted form of a BER-encoded OBJECT IDENTIFIER. */
export function decodeOid(bytes: Buffer): string {
  if (bytes.length === 0) return "";
  const parts = [Math.min(2, Math.floor(bytes[0]! / 40)), bytes[0]! - 40 * Math.min(2, Math.floor(bytes[0]! / 40))];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join(".");
}

export interface SnmpResponse {
  requestId: number;
  sysDescr: string | null;
  sysObjectId: string | null;
}

/** Request id, sysDescr and sysObjectID of a GetResponse, or null when the reply is not one. */
export function parseSnmpResponse(reply: Buffer): SnmpResponse | null {
  try {
    const [message] = children(reply);
    if (message?.tag !== 0x30) return null;
    const [, , pdu] = children(message.content);
    if (pdu?.tag !== 0xa2) return null;
    const [id, , , varbinds] = children(pdu.content);
    if (id?.tag !== 0x02 || varbinds?.tag !== 0x30) return null;
    const requestId = id.content.readIntBE(0, Math.min(6, id.content.length));
    const found: SnmpResponse = { requestId, sysDescr: null, sysObjectId: null };
    for (const varbind of children(varbinds.content)) {
      const [name, value] = children(varbind.content);
      if (name?.tag !== 0x06 || !value) continue;
      if (name.content.equals(SYS_DESCR_OID) && value.tag === 0x04) found.sysDescr = value.content.toString("latin1");
      if (name.content.equals(SYS_OBJECT_ID_OID) && value.tag === 0x06) found.sysObjectId = decodeOid(value.content);
    }
    return found;
  } catch {
    return null;
  }
}

/** Agent vendors by IANA private enterprise number (the sysObjectID prefix 1.3.6.1.4.1.N). */
const AGENT_BY_ENTERPRISE: Record<string, string> = {
  "8072": "Net-SNMP",
  "2021": "UCD-SNMP",
  "9": "Cisco",
  "311": "Microsoft Windows SNMP",
  "2636": "Juniper",
  "12356": "Fortinet",
  "25461": "Palo Alto Networks",
  "14988": "MikroTik",
};

/**
 * The agent software from sysObjectID's enterprise number (Net-SNMP answers 1.3.6.1.4.1.8072...),
 * with a version from sysDescr when the vendor states it there (Cisco IOS). sysDescr itself mostly
 * describes the operating system, so it stays in the banner.
 */
export function productOfSnmp(
  sysObjectId: string | null,
  sysDescr: string | null,
): { product: string | null; version: string | null } {
  const enterprise = /^1\.3\.6\.1\.4\.1\.(\d+)/.exec(sysObjectId ?? "")?.[1];
  const fromDescr = productOfSysDescr(sysDescr);
  if (enterprise === "9" && fromDescr.product === "Cisco IOS") return fromDescr;
  const agent = enterprise ? AGENT_BY_ENTERPRISE[enterprise] : undefined;
  if (agent) return { product: agent, version: null };
  return fromDescr;
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

/** SNMPv2c GetRequest for sysDescr.0 and sysObjectID.0 with community "public". */
export const snmpProbe: UdpProbe = {
  ports: [161],
  build() {
    const requestId = randomInt(1, 2 ** 31 - 1);
    return {
      packets: [snmpGetRequest("public", requestId)],
      identify(reply) {
        const parsed = parseSnmpResponse(reply);
        if (!parsed || parsed.requestId !== requestId) return null;
        return {
          detectedService: "snmp",
          ...productOfSnmp(parsed.sysObjectId, parsed.sysDescr),
          summary: parsed.sysDescr,
        };
      },
    };
  },
};
