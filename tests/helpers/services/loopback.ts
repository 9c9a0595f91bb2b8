/**
 * Loopback addresses for one fixture run. All of 127.0.0.0/8 is local on Linux, so each run takes
 * a random 127.x.y.0/24: services get their own address (standard ports included) and two runs at
 * once (a test file and the benchmark) do not collide on ports.
 */
import { randomInt } from "node:crypto";

export function pickLoopbackSubnet(): string {
  return `127.${randomInt(100, 250)}.${randomInt(1, 255)}`;
}

export function loopbackAddress(subnet: string, octet: number): string {
  if (!Number.isInteger(octet) || octet < 1 || octet > 254) throw new RangeError(`Invalid host octet ${octet}`);
  return `${subnet}.${octet}`;
}
