/**
 * RDP (MS-RDPBCGR §2.2.1.1): TPKT + X.224 Connection Request with an RDP Negotiation Request
 * (TLS | CredSSP). The server answers with an X.224 Connection Confirm (TPDU code 0xd0),
 * usually carrying an RDP Negotiation Response or Failure.
 */
import type { Recogniser } from "../types";

export const CONNECTION_REQUEST = Buffer.from([
  0x03, 0x00, 0x00, 0x13, // TPKT: version 3, length 19
  0x0e, 0xe0, 0x00, 0x00, 0x00, 0x00, 0x00, // X.224 CR: length indicator 14, dst-ref, src-ref, class 0
  0x01, 0x00, 0x08, 0x00, 0x03, 0x00, 0x00, 0x00, // RDP_NEG_REQ: PROTOCOL_SSL | PROTOCOL_HYBRID
]);

const CONNECTION_CONFIRM = 0xd0;

export const recogniseRdp: Recogniser = (reply) => {
  if (reply.length < 11 || reply[0] !== 0x03 || reply[1] !== 0x00) return null;
  const length = reply.readUInt16BE(2);
  if (length < 11 || length > 512) return null;
  const lengthIndicator = reply[4]!;
  if (lengthIndicator + 5 > length || (reply[5]! & 0xf0) !== CONNECTION_CONFIRM) return null;
  return { protocol: "rdp", product: null, version: null };
};
