/**
 * MySQL / MariaDB: the server speaks first with a packet (3-byte little-endian length, sequence 0).
 * Handshake v10: 0x0a, then the NUL-terminated server version (`8.0.36`,
 * `5.5.5-10.11.6-MariaDB-0+deb12u1`: MariaDB < 11 prefixes 5.5.5- for old clients).
 * A server that refuses our address sends an error packet instead: 0xff, error code, message
 * (`Host '192.0.2.1' is not allowed to connect to this MariaDB server`).
 */
import type { Recognition, Recogniser } from "../types";
import { ByteReader, total } from "../byte-reader";
import { field, revisionOf } from "../text";

const PRINTABLE = /^[\x20-\x7e]+$/;

/** `10.11.6-MariaDB-0+deb12u1` → revision `0+deb12u1`; `8.0.36-0ubuntu0.22.04.1` → `0ubuntu0.22.04.1`. */
function versionRecognition(serverVersion: string): Recognition {
  const mariadb = /^(?:5\.5\.5-)?(\d+\.\d+\.\d+)-MariaDB(?:-(\S+))?/i.exec(serverVersion);
  if (mariadb) return { protocol: "mysql", product: "MariaDB", version: field(mariadb[1]), ...revisionOf(mariadb[2]) };
  const mysql = /^(\d+\.\d+\.\d+)(?:-(\S+))?/.exec(serverVersion);
  return {
    protocol: "mysql",
    product: "MySQL",
    version: field(mysql ? mysql[1] : serverVersion),
    ...revisionOf(mysql?.[2]),
  };
}

const CLIENT_LONG_PASSWORD = 0x0001;
const CLIENT_PROTOCOL_41 = 0x0200;
const CLIENT_SSL = 0x0800;
const CLIENT_SECURE_CONNECTION = 0x8000;

/**
 * The SSLRequest a client sends after a handshake that advertises CLIENT_SSL (a HandshakeResponse cut
 * short after the character set: no user, no password), or null when the server offers no TLS.
 */
export function mysqlSslRequest(handshake: Buffer): Buffer | null {
  return total(() => {
    const reader = new ByteReader(handshake);
    const length = reader.u8() | (reader.u8() << 8) | (reader.u8() << 16);
    if (reader.u8() !== 0 || length > reader.remaining) return null;
    const payload = new ByteReader(reader.bytesOf(length));
    if (payload.u8() !== 0x0a) return null;
    payload.cstring(120);
    payload.skip(4 + 8 + 1); // connection id, auth-plugin-data part 1, filler
    const capabilities = payload.u16le();
    if ((capabilities & CLIENT_SSL) === 0) return null;
    const charset = payload.remaining > 0 ? payload.u8() : 0x21;
    const body = Buffer.alloc(32);
    body.writeUInt32LE(CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SSL | CLIENT_SECURE_CONNECTION, 0);
    body.writeUInt32LE(16 * 1024 * 1024, 4); // max packet size
    body[8] = charset;
    const header = Buffer.from([body.length, 0, 0, 1]); // length, sequence 1
    return Buffer.concat([header, body]);
  });
}

export const recogniseMysql: Recogniser = (reply) =>
  total(() => {
    const reader = new ByteReader(reply);
    const length = reader.u8() | (reader.u8() << 8) | (reader.u8() << 16);
    const sequence = reader.u8();
    if (sequence !== 0 || length < 5 || length > reader.remaining) return null;
    const payload = new ByteReader(reader.bytesOf(length));
    const kind = payload.u8();
    if (kind === 0x0a) {
      const serverVersion = payload.cstring(120).toString("latin1");
      if (!PRINTABLE.test(serverVersion) || !/^\d/.test(serverVersion)) return null;
      payload.skip(4); // connection id
      payload.skip(8); // auth-plugin-data part 1
      if (payload.u8() !== 0) return null; // filler, always 0
      return versionRecognition(serverVersion);
    }
    if (kind === 0xff) {
      const code = payload.u16le();
      if (code < 1000 || code > 9999) return null;
      const rest = payload
        .bytesOf(payload.remaining)
        .toString("latin1")
        .replace(/^#[0-9A-Z]{5}/, "");
      if (!/^[\x20-\x7e]{4,}$/.test(rest)) return null;
      const product = /\bMariaDB\b/.test(rest) ? "MariaDB" : /\bMySQL\b/.test(rest) ? "MySQL" : null;
      return { protocol: "mysql", product, version: null };
    }
    return null;
  });
