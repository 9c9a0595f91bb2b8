/**
 * Every parser is total: any bytes in, null or a well-formed recognition out, never an exception,
 * and every text field it returns is safe to print (escaped printable ASCII).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RECOGNISERS, recognise } from "@/lib/scanner/detect/recognisers";
import { parseHttpResponse } from "@/lib/scanner/detect/protocols/http-response";
import { decodeBson } from "@/lib/scanner/detect/protocols/bson";
import { parseMongoReply } from "@/lib/scanner/detect/protocols/mongodb";
import { parseErrorFields } from "@/lib/scanner/detect/protocols/postgresql";
import { parseRedisInfo } from "@/lib/scanner/detect/protocols/redis";
import { splitSubjectAltNames } from "@/lib/scanner/detect/tls-info";
import { READ_CAP_BYTES, bannerFrom } from "@/lib/scanner/banner";
import type { Recognition } from "@/lib/scanner/detect/types";
import { SAMPLES } from "./detect-samples";

const SAFE_TEXT = /^[\x20-\x7e…]*$/;

function assertWellFormed(result: Recognition | null): void {
  if (result === null) return;
  expect(typeof result.protocol).toBe("string");
  for (const value of [result.product, result.version]) {
    if (value !== null) {
      expect(typeof value).toBe("string");
      expect(value).toMatch(SAFE_TEXT);
      expect(value.length).toBeLessThanOrEqual(81);
    }
  }
}

const anyBytes = fc.uint8Array({ maxLength: READ_CAP_BYTES }).map((bytes) => Buffer.from(bytes));

/** Real replies with random damage: flipped bytes, cuts, insertions, duplicated slices. */
const mutatedSample = fc
  .tuple(
    fc.constantFrom(...SAMPLES.map((sample) => sample.reply)),
    fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ kind: fc.constant("cut" as const), at: fc.nat() }),
        fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 64 }) }),
        fc.record({ kind: fc.constant("repeat" as const), at: fc.nat(), length: fc.nat({ max: 64 }) }),
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([reply, mutations]) => {
    let bytes = Buffer.from(reply);
    for (const mutation of mutations) {
      const at = bytes.length === 0 ? 0 : mutation.at % bytes.length;
      if (mutation.kind === "flip" && bytes.length > 0) bytes[at] = mutation.value;
      if (mutation.kind === "cut") bytes = bytes.subarray(0, at);
      if (mutation.kind === "insert")
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(mutation.bytes), bytes.subarray(at)]);
      if (mutation.kind === "repeat")
        bytes = Buffer.concat([bytes.subarray(0, at + mutation.length), bytes.subarray(at)]);
    }
    return bytes;
  });

const PARSERS: Array<[string, (bytes: Buffer) => unknown]> = [
  ...RECOGNISERS.map((recogniser, i): [string, (bytes: Buffer) => unknown] => [
    `recogniser #${i} (${recogniser.name})`,
    recogniser,
  ]),
  ["parseHttpResponse", parseHttpResponse],
  ["decodeBson", decodeBson],
  ["parseMongoReply", parseMongoReply],
  ["parseErrorFields", parseErrorFields],
  ["parseRedisInfo", parseRedisInfo],
  ["splitSubjectAltNames", (bytes) => splitSubjectAltNames(bytes.toString("latin1"))],
  ["bannerFrom", bannerFrom],
];

describe("parsers are total", () => {
  it.each(PARSERS)("%s never throws on arbitrary bytes", (_name, parse) => {
    fc.assert(
      fc.property(anyBytes, (bytes) => void parse(bytes)),
      { numRuns: 300 },
    );
  });

  it.each(PARSERS)("%s never throws on mutated real replies", (_name, parse) => {
    fc.assert(
      fc.property(mutatedSample, (bytes) => void parse(bytes)),
      { numRuns: 300 },
    );
  });

  it.each(RECOGNISERS.map((recogniser) => [recogniser.name, recogniser] as const))(
    "%s returns null or a well-formed, printable recognition",
    (_name, recogniser) => {
      fc.assert(
        fc.property(fc.oneof(anyBytes, mutatedSample), (bytes) => assertWellFormed(recogniser(bytes))),
        { numRuns: 300 },
      );
    },
  );

  it("recognise() keeps every field printable even for replies built to look real", () => {
    fc.assert(
      fc.property(mutatedSample, (bytes) => assertWellFormed(recognise(bytes))),
      { numRuns: 1000 },
    );
  });

  it("a damaged sample is never mistaken for a protocol that needs a different framing", () => {
    // Cutting a binary reply down to its first byte must not leave a confident product behind.
    for (const sample of SAMPLES) {
      const result = recognise(sample.reply.subarray(0, 1));
      if (result !== null) expect([result.product, result.version]).toEqual([null, null]);
    }
  });
});
