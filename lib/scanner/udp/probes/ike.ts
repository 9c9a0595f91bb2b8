import { randomBytes } from "node:crypto";
import type { UdpProbe } from "./udp-probe";

function payload(nextPayload: number, body: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header[0] = nextPayload;
  header.writeUInt16BE(body.length + 4, 2);
  return Buffer.concat([header, body]);
}

function ikeHeader(
  spi: Buffer,
  firstPayload: number,
  version: number,
  exchange: number,
  flags: number,
  length: number,
): Buffer {
  const header = Buffer.alloc(28);
  spi.copy(header, 0);
  header[16] = firstPayload;
  header[17] = version;
  header[18] = exchange;
  header[19] = flags;
  header.writeUInt32BE(length, 24);
  return header;
}

/** IKEv1 Main Mode with one proposal (3DES/SHA1/MODP1024/PSK), the classic VPN offer almost every IKEv1 daemon parses. */
export function ikev1MainMode(spi: Buffer): Buffer {
  const attributes = Buffer.from([
    0x80, 0x01, 0x00, 0x05, 0x80, 0x02, 0x00, 0x02, 0x80, 0x03, 0x00, 0x01, 0x80, 0x04, 0x00, 0x02,
  ]);
  const transform = payload(0, Buffer.concat([Buffer.from([1, 1, 0, 0]), attributes]));
  const proposal = payload(0, Buffer.concat([Buffer.from([1, 1, 0, 1]), transform]));
  const sa = payload(0, Buffer.concat([Buffer.from([0, 0, 0, 1, 0, 0, 0, 1]), proposal]));
  return Buffer.concat([ikeHeader(spi, 1, 0x10, 2, 0, 28 + sa.length), sa]);
}

/** IKEv2 IKE_SA_INIT offering AES-CBC-128/SHA1/MODP2048; the KE value is random, which is enough to get SA_INIT or a notify back. */
export function ikev2SaInit(spi: Buffer): Buffer {
  const transform = (last: boolean, type: number, id: number, attr?: Buffer) => {
    const body = Buffer.concat([Buffer.from([type, 0, id >> 8, id & 0xff]), attr ?? Buffer.alloc(0)]);
    return payload(last ? 0 : 3, body);
  };
  const transforms = Buffer.concat([
    transform(false, 1, 12, Buffer.from([0x80, 0x0e, 0x00, 0x80])),
    transform(false, 2, 2),
    transform(false, 3, 2),
    transform(true, 4, 14),
  ]);
  const proposal = payload(0, Buffer.concat([Buffer.from([1, 1, 0, 4]), transforms]));
  const sa = payload(34, proposal);
  const ke = payload(40, Buffer.concat([Buffer.from([0, 14, 0, 0]), randomBytes(256)]));
  const nonce = payload(0, randomBytes(32));
  const body = Buffer.concat([sa, ke, nonce]);
  return Buffer.concat([ikeHeader(spi, 33, 0x20, 34, 0x08, 28 + body.length), body]);
}

export function identifyIke(reply: Buffer, spi: Buffer): { version: string } | null {
  if (reply.length < 28 || !reply.subarray(0, 8).equals(spi)) return null;
  const major = reply[17]! >> 4;
  if (major !== 1 && major !== 2) return null;
  return { version: major === 1 ? "IKEv1" : "IKEv2" };
}

/** Sends both an IKEv1 Main Mode and an IKEv2 SA_INIT offer; either answer (even a refusal notify) proves IKE. */
export const ikeProbe: UdpProbe = {
  ports: [500],
  build() {
    const spi = randomBytes(8);
    return {
      packets: [ikev2SaInit(spi), ikev1MainMode(spi)],
      identify(reply) {
        const ike = identifyIke(reply, spi);
        return ike
          ? { detectedService: "isakmp", product: null, version: null, summary: `${ike.version} responder` }
          : null;
      },
    };
  },
};
