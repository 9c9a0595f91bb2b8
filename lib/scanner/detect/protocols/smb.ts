/**
 * SMB2 (MS-SMB2 §2.2.3): a NEGOTIATE request for dialects 2.0.2–3.0.2 over direct TCP
 * (4-byte NetBIOS-style length header). The response carries the SMB2 magic `\xfeSMB`
 * (or `\xffSMB` from an SMB1-only server), and its NEGOTIATE response names the dialect chosen:
 * the best of those we offer that the server speaks (an SMB1-only server is itself a finding).
 */
import type { Recogniser } from "../types";
import { ByteReader, total } from "../byte-reader";

const DIALECT_NAMES: Readonly<Record<number, string>> = {
  0x0202: "2.0.2",
  0x0210: "2.1",
  0x0300: "3.0",
  0x0302: "3.0.2",
  0x0311: "3.1.1",
};

/** The dialect of an SMB2 NEGOTIATE response (MS-SMB2 §2.2.4), "1" for an SMB1 answer, or null. */
export function smbDialect(reply: Buffer): string | null {
  return total(() => {
    const reader = new ByteReader(reply);
    reader.skip(4); // transport header
    const magic = reader.u32be();
    if (magic === 0xff534d42) return "1";
    if (magic !== 0xfe534d42) return null;
    reader.skip(60); // rest of the 64-byte header
    if (reader.u16le() !== 65) return null; // NEGOTIATE response StructureSize
    reader.skip(2); // SecurityMode
    return DIALECT_NAMES[reader.u16le()] ?? null;
  });
}

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
  const dialect = smbDialect(reply);
  return {
    protocol: "smb",
    product: null,
    version: null,
    ...(dialect === null ? {} : { facts: { protocolVersion: dialect } }),
  };
};
