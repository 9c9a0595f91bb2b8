/**
 * MongoDB wire protocol: OP_MSG (opCode 2013; OP_QUERY is gone since 5.1) carrying
 * `{hello: 1, $db: "admin"}`, answered by an OP_MSG whose BSON holds `maxWireVersion`, `ok` ...
 * `buildInfo` (allowed before authentication) adds the server `version`.
 */
import type { Recognition, Recogniser } from "../types";
import { ByteReader, total } from "../byte-reader";
import { field } from "../text";
import { decodeBson, encodeBson, type BsonDocument } from "./bson";

const OP_MSG = 2013;
const OP_REPLY = 1;
export const HELLO_REQUEST_ID = 0x7077_0001;
export const BUILD_INFO_REQUEST_ID = 0x7077_0002;

function opMsg(requestId: number, command: ReadonlyArray<[string, number | string]>): Buffer {
  const body = Buffer.concat([
    Buffer.alloc(4) /* flagBits */,
    Buffer.from([0]) /* section kind 0 */,
    encodeBson(command),
  ]);
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + body.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(OP_MSG, 12);
  return Buffer.concat([header, body]);
}

export const HELLO = opMsg(HELLO_REQUEST_ID, [
  ["hello", 1],
  ["$db", "admin"],
]);
export const BUILD_INFO = opMsg(BUILD_INFO_REQUEST_ID, [
  ["buildInfo", 1],
  ["$db", "admin"],
]);

/** The BSON document of a reply to one of our requests, or null. */
export function parseMongoReply(reply: Buffer): BsonDocument | null {
  return total(() => {
    const reader = new ByteReader(reply);
    const length = reader.i32le();
    reader.i32le(); // requestID
    const responseTo = reader.i32le();
    const opCode = reader.i32le();
    if (length < 21 || length > reply.length) return null;
    if (responseTo !== HELLO_REQUEST_ID && responseTo !== BUILD_INFO_REQUEST_ID) return null;
    if (opCode === OP_MSG) {
      reader.skip(4); // flagBits
      if (reader.u8() !== 0) return null;
    } else if (opCode === OP_REPLY) {
      reader.skip(20); // responseFlags, cursorID, startingFrom, numberReturned
    } else {
      return null;
    }
    return decodeBson(reader.bytesOf(length - reader.offset));
  });
}

export const recogniseMongodb: Recogniser = (reply): Recognition | null => {
  const doc = parseMongoReply(reply);
  if (doc === null || !("ok" in doc || "maxWireVersion" in doc)) return null;
  const version = typeof doc.version === "string" ? doc.version : null;
  return { protocol: "mongodb", product: "MongoDB", version: field(version) };
};
