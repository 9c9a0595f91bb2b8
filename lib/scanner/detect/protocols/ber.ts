/** Minimal BER (X.690) encoding and total decoding of TLVs, enough for an LDAP rootDSE search. */
import { ByteReader } from "../byte-reader";

export function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let lengthBytes: Buffer;
  if (length < 0x80) lengthBytes = Buffer.from([length]);
  else if (length < 0x100) lengthBytes = Buffer.from([0x81, length]);
  else lengthBytes = Buffer.from([0x82, length >> 8, length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), lengthBytes, content]);
}

export const berInteger = (value: number): Buffer => tlv(0x02, Buffer.from([value & 0x7f]));
export const berOctetString = (text: string): Buffer => tlv(0x04, Buffer.from(text, "utf8"));

export interface Tlv {
  tag: number;
  content: Buffer;
}

/** Reads one TLV (single-byte tags, definite lengths up to 4 bytes); throws Truncated on bad input. */
export function readTlv(reader: ByteReader): Tlv {
  const tag = reader.u8();
  let length = reader.u8();
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw new Error("unsupported length");
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + reader.u8();
  }
  return { tag, content: reader.bytesOf(length) };
}

/** All TLVs inside a constructed value. */
export function children(content: Buffer, max = 1000): Tlv[] {
  const reader = new ByteReader(content);
  const out: Tlv[] = [];
  while (reader.remaining > 0 && out.length < max) out.push(readTlv(reader));
  return out;
}
