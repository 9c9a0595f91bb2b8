/**
 * Microsoft SQL Server (MS-TDS §2.2.6.5): a PRELOGIN packet (TDS type 0x12) with VERSION, ENCRYPTION
 * and a terminator is answered, before any login, by a PRELOGIN response (TDS type 0x04) whose
 * VERSION option states the server's version (major.minor.build.subbuild, e.g. 15.0.2000.5 for 2019).
 */
import type { Recogniser } from "../types";
import { ByteReader, total } from "../byte-reader";

const OPTION_VERSION = 0x00;
const OPTION_ENCRYPTION = 0x01;
const TERMINATOR = 0xff;

export const PRELOGIN = (() => {
  // Options: VERSION (6 bytes), ENCRYPTION (1 byte: ENCRYPT_NOT_SUP), terminator; offsets from payload start.
  const options = Buffer.from([
    OPTION_VERSION,
    0x00,
    0x0b,
    0x00,
    0x06,
    OPTION_ENCRYPTION,
    0x00,
    0x11,
    0x00,
    0x01,
    TERMINATOR,
  ]);
  const data = Buffer.from([0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02]);
  const payload = Buffer.concat([options, data]);
  const header = Buffer.from([0x12, 0x01, 0x00, 8 + payload.length, 0x00, 0x00, 0x01, 0x00]);
  return Buffer.concat([header, payload]);
})();

export const recogniseMssql: Recogniser = (reply) =>
  total(() => {
    const reader = new ByteReader(reply);
    if (reader.u8() !== 0x04 || reader.u8() !== 0x01) return null; // tabular response, end of message
    const length = reader.u16be();
    if (length < 8 + 6 || length > reply.length || length > 4096) return null;
    reader.skip(4); // spid, packet id, window
    const payload = new ByteReader(reply.subarray(8, length));
    let version: string | null = null;
    let sawTerminator = false;
    for (let i = 0; i < 16; i++) {
      const token = payload.u8();
      if (token === TERMINATOR) {
        sawTerminator = true;
        break;
      }
      const offset = payload.u16be();
      const size = payload.u16be();
      if (offset + size > payload.bytes.length || token > 0x08) return null;
      if (token === OPTION_VERSION && size >= 6) {
        const v = new ByteReader(payload.bytes.subarray(offset, offset + 6));
        version = `${v.u8()}.${v.u8()}.${v.u16be()}.${v.u16be()}`;
      }
    }
    if (!sawTerminator || version === null) return null;
    return { protocol: "mssql", product: "Microsoft SQL Server", version };
  });
