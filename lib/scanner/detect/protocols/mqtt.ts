/**
 * MQTT: a CONNECT (protocol level 4 = 3.1.1, clean session) is answered by CONNACK:
 * 0x20, remaining length 2 (more with MQTT 5 properties), acknowledge flags (0/1), return code.
 * A broker that accepts us anonymously (return code 0) is asked for its retained `$SYS/broker/version`
 * (Mosquitto: `mosquitto version 2.0.11`): SUBSCRIBE, read the PUBLISH, DISCONNECT. Nothing is published.
 */
import type { Recognition, Recogniser } from "../types";
import { ByteReader, total } from "../byte-reader";
import { field } from "../text";

export const CONNECT = (() => {
  const clientId = Buffer.from("portwatch", "latin1");
  const variable = Buffer.from([0x00, 0x04, 0x4d, 0x51, 0x54, 0x54, 0x04, 0x02, 0x00, 0x1e]);
  const payload = Buffer.concat([Buffer.from([0x00, clientId.length]), clientId]);
  return Buffer.concat([Buffer.from([0x10, variable.length + payload.length]), variable, payload]);
})();

/** MQTT 3.1.1 return codes 0–5 and MQTT 5 reason codes (0x80 and up). */
function validReturnCode(code: number): boolean {
  return code <= 5 || (code >= 0x80 && code <= 0x9f);
}

export const recogniseMqtt: Recogniser = (reply) => {
  if (reply.length < 4 || reply[0] !== 0x20) return null;
  const remaining = reply[1]!;
  if (remaining < 2 || remaining > 127 || reply.length > remaining + 2) return null;
  if (reply[2]! > 1 || !validReturnCode(reply[3]!)) return null;
  return { protocol: "mqtt", product: null, version: null };
};

const VERSION_TOPIC = "$SYS/broker/version";
const SUBSCRIBE_PACKET_ID = 0x7077;

/** SUBSCRIBE (packet id 0x7077) to $SYS/broker/version at QoS 0. */
export const SUBSCRIBE_BROKER_VERSION = (() => {
  const topic = Buffer.from(VERSION_TOPIC, "latin1");
  const body = Buffer.concat([
    Buffer.from([SUBSCRIBE_PACKET_ID >> 8, SUBSCRIBE_PACKET_ID & 0xff, 0, topic.length]),
    topic,
    Buffer.from([0]),
  ]);
  return Buffer.concat([Buffer.from([0x82, body.length]), body]);
})();

export const DISCONNECT = Buffer.from([0xe0, 0x00]);

/** The CONNACK return code (0 accepted, 4 bad credentials, 5 not authorised; MQTT 5 reason codes), or null. */
export function connackReturnCode(reply: Buffer): number | null {
  return recogniseMqtt(reply) === null ? null : reply[3]!;
}

/** Remaining-length varint (MQTT §2.2.3), at most four bytes. */
function remainingLength(reader: ByteReader): number {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const byte = reader.u8();
    value += (byte & 0x7f) * 128 ** i;
    if ((byte & 0x80) === 0) return value;
  }
  throw new Error("bad remaining length");
}

/** Product and version from a PUBLISH on $SYS/broker/version among the packets of a reply. */
export function parseBrokerVersion(reply: Buffer): Recognition | null {
  return total(() => {
    const reader = new ByteReader(reply);
    while (reader.remaining > 0) {
      const type = reader.u8();
      const body = new ByteReader(reader.bytesOf(remainingLength(reader)));
      if (type >> 4 !== 3) continue; // not a PUBLISH (SUBACK and others are skipped)
      const topic = body.bytesOf(body.u16be()).toString("utf8");
      if ((type & 0x06) !== 0) body.skip(2); // packet id at QoS 1/2
      if (topic !== VERSION_TOPIC) continue;
      const text = body.bytesOf(body.remaining).toString("utf8").trim();
      const match = /^(\S+) version (\S+)/i.exec(text);
      if (!match) return { protocol: "mqtt", product: field(text), version: null };
      const product = match[1]!.toLowerCase() === "mosquitto" ? "Mosquitto" : match[1]!;
      return { protocol: "mqtt", product: field(product), version: field(match[2]) };
    }
    return null;
  });
}
