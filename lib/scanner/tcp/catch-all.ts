import { randomInt } from "node:crypto";
import { TOP_PORTS } from "../ports/top-ports";

const HIGH_PORT_MIN = 30_000;

/**
 * Random high ports unlikely to run a real service (outside our top-1000 list); a host accepting
 * connections on all of them almost certainly accepts on every port (CDN edge, SYN proxy, tarpit).
 */
export function pickCatchAllProbePorts(
  count: number,
  random: (min: number, max: number) => number = randomInt,
): number[] {
  const avoid = new Set(TOP_PORTS);
  const picked = new Set<number>();
  while (picked.size < count) {
    const port = random(HIGH_PORT_MIN, 65_536);
    if (!avoid.has(port)) picked.add(port);
  }
  return [...picked];
}
