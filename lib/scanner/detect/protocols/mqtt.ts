/**
 * MQTT: a CONNECT (protocol level 4 = 3.1.1, clean session) is answered by CONNACK:
 * 0x20, remaining length 2 (more with MQTT 5 properties), acknowledge flags (0/1), return code.
 */
import type { Recogniser } from "../types";

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
