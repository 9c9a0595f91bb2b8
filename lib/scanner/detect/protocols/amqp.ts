/**
 * AMQP 0-9-1: the client sends the protocol header `AMQP\0\0\x09\x01`; the server answers with
 * Connection.Start (method frame, class 10 method 10) whose server-properties table holds
 * `product` and `version`. A server that does not speak the requested version (AMQP 1.0 brokers),
 * or receives anything else (our HTTP GET), answers with its own protocol header and closes.
 */
import type { Recognition, Recogniser } from "../types";
import { ByteReader, total } from "../byte-reader";
import { field } from "../text";

export const PROTOCOL_HEADER = Buffer.from("AMQP\x00\x00\x09\x01", "latin1");

const FRAME_METHOD = 1;
const FRAME_END = 0xce;
const MAX_DEPTH = 4;

/** Skips one field value of the given type (AMQP 0-9-1 + RabbitMQ errata); false for unknown types. */
function skipValue(reader: ByteReader, type: string, depth: number): boolean {
  const fixed: Record<string, number> = {
    t: 1,
    b: 1,
    B: 1,
    s: 2,
    u: 2,
    U: 2,
    i: 4,
    I: 4,
    f: 4,
    l: 8,
    L: 8,
    d: 8,
    T: 8,
    D: 5,
    V: 0,
  };
  const size = fixed[type];
  if (size !== undefined) {
    reader.skip(size);
    return true;
  }
  if (type === "S" || type === "x") {
    reader.skip(reader.u32be());
    return true;
  }
  if (type === "F" && depth < MAX_DEPTH) {
    readTable(reader, depth + 1);
    return true;
  }
  if (type === "A" && depth < MAX_DEPTH) {
    const end = reader.u32be() + reader.offset;
    while (reader.offset < end) if (!skipValue(reader, String.fromCharCode(reader.u8()), depth + 1)) return false;
    return true;
  }
  return false;
}

/** Reads a field table, returning its long-string entries (the only ones we use). */
function readTable(reader: ByteReader, depth: number): Map<string, string> {
  const strings = new Map<string, string>();
  const table = new ByteReader(reader.bytesOf(reader.u32be()));
  while (table.remaining > 0) {
    const name = table.bytesOf(table.u8()).toString("latin1");
    const type = String.fromCharCode(table.u8());
    if (type === "S") {
      strings.set(name, table.bytesOf(table.u32be()).toString("utf8"));
    } else if (!skipValue(table, type, depth)) {
      break;
    }
  }
  return strings;
}

function parseConnectionStart(reply: Buffer): Recognition | null {
  const reader = new ByteReader(reply);
  if (reader.u8() !== FRAME_METHOD || reader.u16be() !== 0) return null;
  const size = reader.u32be();
  const payload = new ByteReader(reader.bytesOf(size));
  if (reader.remaining > 0 && reader.u8() !== FRAME_END) return null;
  if (payload.u16be() !== 10 || payload.u16be() !== 10) return null;
  payload.skip(2); // version-major, version-minor
  const properties = readTable(payload, 0);
  return {
    protocol: "amqp",
    product: field(properties.get("product") ?? null),
    version: field(properties.get("version") ?? null),
  };
}

export const recogniseAmqp: Recogniser = (reply) =>
  total(() => {
    if (reply.length >= 8 && reply.subarray(0, 4).toString("latin1") === "AMQP") {
      return { protocol: "amqp", product: null, version: null };
    }
    return parseConnectionStart(reply);
  });
