/**
 * RDP (MS-RDPBCGR §2.2.1.1): TPKT + X.224 Connection Request with an RDP Negotiation Request.
 * The server answers with an X.224 Connection Confirm (TPDU code 0xd0), usually carrying an RDP
 * Negotiation Response (the security protocol it selected) or Failure (why it refused ours).
 * Our probe offers TLS and CredSSP (NLA); a second request offering only Standard RDP Security tells
 * whether the server still accepts that weakest form (no server authentication, RC4).
 */
import type { Recogniser } from "../types";
import { ByteReader, total } from "../byte-reader";

export const PROTOCOL_STANDARD = 0;
const PROTOCOL_SSL = 1;
const PROTOCOL_HYBRID = 2;

export function connectionRequest(requestedProtocols: number): Buffer {
  return Buffer.from([
    0x03,
    0x00,
    0x00,
    0x13, // TPKT: version 3, length 19
    0x0e,
    0xe0,
    0x00,
    0x00,
    0x00,
    0x00,
    0x00, // X.224 CR: length indicator 14, dst-ref, src-ref, class 0
    0x01,
    0x00,
    0x08,
    0x00,
    requestedProtocols & 0xff,
    0x00,
    0x00,
    0x00, // RDP_NEG_REQ
  ]);
}

export const CONNECTION_REQUEST = connectionRequest(PROTOCOL_SSL | PROTOCOL_HYBRID);

const CONNECTION_CONFIRM = 0xd0;
const NEG_RESPONSE = 0x02;
const NEG_FAILURE = 0x03;

const PROTOCOL_NAMES: Readonly<Record<number, string>> = {
  0: "Standard RDP Security",
  1: "TLS",
  2: "CredSSP (NLA)",
  4: "RDSTLS",
  8: "CredSSP with Early User Authorization",
};

export type RdpNegotiation = { selected: string } | { failure: number } | { none: true };

/** What the Connection Confirm says about the security protocol: selected, refused (failure code), or nothing. */
export function rdpNegotiation(reply: Buffer): RdpNegotiation | null {
  return total(() => {
    const reader = new ByteReader(reply);
    if (reader.u8() !== 0x03 || reader.u8() !== 0x00) return null;
    const length = reader.u16be();
    if (length < 11 || length > 512) return null;
    const lengthIndicator = reader.u8();
    if (lengthIndicator + 5 > length || (reader.u8() & 0xf0) !== CONNECTION_CONFIRM) return null;
    reader.skip(5); // dst-ref, src-ref, class
    if (length < 19 || reader.remaining < 8) return { none: true };
    const type = reader.u8();
    reader.skip(3); // flags, length
    const value = reader.bytesOf(4).readUInt32LE(0);
    if (type === NEG_RESPONSE) return { selected: PROTOCOL_NAMES[value] ?? `protocol ${value}` };
    if (type === NEG_FAILURE) return { failure: value };
    return { none: true };
  });
}

export const recogniseRdp: Recogniser = (reply) => {
  const negotiation = rdpNegotiation(reply);
  if (negotiation === null) return null;
  return { protocol: "rdp", product: null, version: null };
};

/** Authentication methods from our two requests: the one selected for TLS|NLA, and Standard RDP Security if accepted. */
export function rdpMethods(first: RdpNegotiation | null, standardOnly: RdpNegotiation | null): string[] {
  const methods: string[] = [];
  if (first && "selected" in first) methods.push(first.selected);
  // Failure 2 (SSL_NOT_ALLOWED_BY_SERVER): the server speaks Standard RDP Security only.
  const standard =
    (standardOnly && "selected" in standardOnly && standardOnly.selected === PROTOCOL_NAMES[0]) ||
    (first && "failure" in first && first.failure === 2);
  if (standard) methods.push(PROTOCOL_NAMES[PROTOCOL_STANDARD]!);
  return methods;
}
