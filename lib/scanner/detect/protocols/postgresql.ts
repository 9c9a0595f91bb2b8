/**
 * PostgreSQL wire protocol (v3). An 8-byte SSLRequest is answered with one byte, `S` or `N`.
 * A StartupMessage is answered with an authentication request (`R`) or an ErrorResponse (`E`)
 * whose fields (S severity, C SQLSTATE, M message, F source file, R routine) identify the server:
 * PostgreSQL itself reports its C source file (`postmaster.c`), poolers and look-alikes do not.
 */
import type { Recogniser } from "../types";
import { ByteReader, total } from "../byte-reader";

export const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

/**
 * A StartupMessage without the mandatory `user` parameter: PostgreSQL rejects it at once with
 * "no PostgreSQL user name specified in startup packet" (SQLSTATE 28000), before any
 * authentication, so no login attempt is made and the error fields identify the server.
 */
export function startupMessage(): Buffer {
  const params = Buffer.from("application_name\0portwatch\0\0", "latin1");
  const header = Buffer.alloc(8);
  header.writeInt32BE(8 + params.length, 0);
  header.writeInt32BE(196608, 4); // protocol 3.0
  return Buffer.concat([header, params]);
}

const AUTH_CODES = new Set([0, 2, 3, 5, 7, 8, 9, 10]);

export function parseErrorFields(reply: Buffer): Map<string, string> | null {
  return total(() => {
    const reader = new ByteReader(reply);
    if (reader.u8() !== 0x45) return null; // 'E'
    const length = reader.u32be();
    if (length < 8 || length - 4 > reader.remaining) return null;
    const body = new ByteReader(reader.bytesOf(length - 4));
    const fields = new Map<string, string>();
    for (;;) {
      const code = body.u8();
      if (code === 0) break;
      fields.set(String.fromCharCode(code), body.cstring(2000).toString("latin1"));
    }
    const sqlState = fields.get("C");
    if (sqlState === undefined || !/^[0-9A-Z]{5}$/.test(sqlState) || !fields.has("M")) return null;
    if (!fields.has("S") && !fields.has("V")) return null;
    return fields;
  });
}

export const recognisePostgresql: Recogniser = (reply) =>
  total(() => {
    if (reply.length === 1 && (reply[0] === 0x53 || reply[0] === 0x4e)) {
      return { protocol: "postgresql", product: null, version: null };
    }
    if (reply[0] === 0x52) {
      // 'R': AuthenticationOk/CleartextPassword/MD5Password/SASL ...
      const reader = new ByteReader(reply);
      reader.u8();
      const length = reader.u32be();
      const code = reader.u32be();
      if (length < 8 || length > 2048 || !AUTH_CODES.has(code)) return null;
      return { protocol: "postgresql", product: null, version: null };
    }
    const fields = parseErrorFields(reply);
    if (fields === null) return null;
    const fromPostgresSource = /\.c$/.test(fields.get("F") ?? "") && fields.has("R");
    return { protocol: "postgresql", product: fromPostgresSource ? "PostgreSQL" : null, version: null };
  });
