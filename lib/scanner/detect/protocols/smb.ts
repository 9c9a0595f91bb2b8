/**
 * SMB2 (MS-SMB2 §2.2.3): a NEGOTIATE request for dialects 2.0.2–3.0.2 over direct TCP
 * (4-byte NetBIOS-style length header). The response carries the SMB2 magic `\xfeSMB`
 * (or `\xffSMB` from an SMB1-only server).
 */
import type { Recogniser } from "../types";

const DIALECTS = [0x0202, 0x0210, 0x0300, 0x0302];

export const NEGOTIATE = (() => {
  const header = Buffer.alloc(64);
  Buffer.from([0xfe, 0x53, 0x4d, 0x42]).copy(header, 0); // ProtocolId
  header.writeUInt16LE(64, 4); // StructureSize
  header.writeUInt16LE(0, 12); // Command: NEGOTIATE
  header.writeUInt16LE(1, 14); // CreditRequest
  const body = Buffer.alloc(36 + DIALECTS.length * 2);
  body.writeUInt16LE(36, 0); // StructureSize
  body.writeUInt16LE(DIALECTS.length, 2); // DialectCount
  body.writeUInt16LE(1, 4); // SecurityMode: signing enabled
  Buffer.from("portwatch-smb-id", "latin1").copy(body, 12); // ClientGuid (16 bytes)
  DIALECTS.forEach((dialect, i) => body.writeUInt16LE(dialect, 36 + i * 2));
  const message = Buffer.concat([header, body]);
  const transport = Buffer.alloc(4);
  transport.writeUInt32BE(message.length);
  return Buffer.concat([transport, message]);
})();

export const recogniseSmb: Recogniser = (reply) => {
  if (reply.length < 8 || reply[0] !== 0x00) return null;
  const magic = reply.readUInt32BE(4);
  if (magic !== 0xfe534d42 && magic !== 0xff534d42) return null;
  return { protocol: "smb", product: null, version: null };
};
