/**
 * The small part of BSON (bsonspec.org) needed to say `hello` to MongoDB and read its answer.
 * Decoding is total: unknown element types end the document, truncation returns null.
 */
import { ByteReader, total } from "../byte-reader";

export type BsonValue = number | string | boolean | null | BsonDocument | BsonValue[] | { unsupported: number };
export interface BsonDocument {
  [key: string]: BsonValue;
}

/** Encodes a flat document of int32 numbers and strings (all our commands need). */
export function encodeBson(fields: ReadonlyArray<[string, number | string]>): Buffer {
  const parts: Buffer[] = [];
  for (const [key, value] of fields) {
    const name = Buffer.from(key + "\0", "utf8");
    if (typeof value === "number") {
      const number = Buffer.alloc(4);
      number.writeInt32LE(value);
      parts.push(Buffer.from([0x10]), name, number);
    } else {
      const text = Buffer.from(value + "\0", "utf8");
      const length = Buffer.alloc(4);
      length.writeInt32LE(text.length);
      parts.push(Buffer.from([0x02]), name, length, text);
    }
  }
  const body = Buffer.concat([...parts, Buffer.from([0])]);
  const header = Buffer.alloc(4);
  header.writeInt32LE(body.length + 4);
  return Buffer.concat([header, body]);
}

const MAX_DEPTH = 8;

function readDocument(reader: ByteReader, depth: number): BsonDocument {
  const start = reader.offset;
  const length = reader.i32le();
  if (length < 5 || start + length > reader.bytes.length || depth > MAX_DEPTH) throw new Error("bad document");
  const end = start + length - 1;
  const doc: BsonDocument = {};
  while (reader.offset < end) {
    const type = reader.u8();
    const key = reader.cstring(256).toString("utf8");
    const value = readValue(reader, type, depth);
    if (value === undefined) {
      // Unknown type: its length is unknowable, so the rest of this document cannot be read.
      reader.offset = end;
      break;
    }
    doc[key] = value;
  }
  reader.offset = start + length;
  return doc;
}

function readValue(reader: ByteReader, type: number, depth: number): BsonValue | undefined {
  switch (type) {
    case 0x01:
      return reader.bytesOf(8).readDoubleLE(0);
    case 0x02: {
      const length = reader.i32le();
      if (length < 1 || length > 1 << 20) throw new Error("bad string");
      return reader
        .bytesOf(length)
        .subarray(0, length - 1)
        .toString("utf8");
    }
    case 0x03:
      return readDocument(reader, depth + 1);
    case 0x04:
      return Object.values(readDocument(reader, depth + 1));
    case 0x05: {
      const length = reader.i32le();
      if (length < 0) throw new Error("bad binary");
      reader.skip(1 + length);
      return { unsupported: type };
    }
    case 0x07:
      reader.skip(12);
      return { unsupported: type };
    case 0x08:
      return reader.u8() !== 0;
    case 0x09:
    case 0x11:
    case 0x12: {
      const low = reader.i32le() >>> 0;
      const high = reader.i32le();
      return high * 2 ** 32 + low;
    }
    case 0x0a:
      return null;
    case 0x10:
      return reader.i32le();
    case 0x13:
      reader.skip(16);
      return { unsupported: type };
    default:
      return undefined;
  }
}

export function decodeBson(bytes: Buffer): BsonDocument | null {
  return total(() => readDocument(new ByteReader(bytes), 0));
}
