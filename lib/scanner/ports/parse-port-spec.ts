import { TOP_PORTS_MAX, topPorts } from "./top-ports";

export class PortSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PortSpecError";
  }
}

const MAX_PORT = 65_535;

/**
 * Parses a port specification: comma-separated single ports ("22"), ranges ("1-1024"), "top-N"
 * (N ≤ 1000, our commonness ordering) and "all" (1-65535), in any combination.
 * Returns unique ports, most common first (top-list order, then ascending), which is also a good scan order:
 * answers from common ports give the round-trip estimator samples early.
 */
export function parsePortSpec(spec: string): number[] {
  const tokens = spec.split(",").map((token) => token.trim());
  if (spec.trim() === "" || tokens.some((token) => token === "")) {
    throw new PortSpecError(`invalid port specification "${spec}": empty entry`);
  }
  const wanted = new Set<number>();
  for (const token of tokens) {
    for (const port of expandToken(token)) wanted.add(port);
  }
  return orderByCommonness(wanted);
}

export function orderByCommonness(ports: Iterable<number>): number[] {
  const wanted = new Set(ports);
  const ordered = topPorts(TOP_PORTS_MAX).filter((port) => wanted.has(port));
  const inTop = new Set(ordered);
  const rest = [...wanted].filter((port) => !inTop.has(port)).sort((a, b) => a - b);
  return [...ordered, ...rest];
}

function expandToken(token: string): number[] {
  const lower = token.toLowerCase();
  if (lower === "all" || lower === "-") return range(1, MAX_PORT);
  const top = /^top-(\d+)$/.exec(lower);
  if (top) {
    const n = Number(top[1]);
    if (n < 1 || n > TOP_PORTS_MAX) {
      throw new PortSpecError(`invalid port specification "${token}": top-N needs 1 ≤ N ≤ ${TOP_PORTS_MAX}`);
    }
    return topPorts(n);
  }
  const span = /^(\d+)-(\d+)$/.exec(lower);
  if (span) {
    const from = toPort(span[1]!, token);
    const to = toPort(span[2]!, token);
    if (from > to) throw new PortSpecError(`invalid port range "${token}": start is greater than end`);
    return range(from, to);
  }
  if (/^\d+$/.test(lower)) return [toPort(lower, token)];
  throw new PortSpecError(
    `invalid port specification "${token}": use ports (22), ranges (1-1024), top-100, top-1000 or all`,
  );
}

function toPort(digits: string, token: string): number {
  const port = Number(digits);
  if (digits.length > 5 || port < 1 || port > MAX_PORT) {
    throw new PortSpecError(`invalid port "${token}": ports are 1-${MAX_PORT}`);
  }
  return port;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
