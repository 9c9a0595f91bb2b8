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
  if (lastParsed?.spec === spec) return lastParsed.ports.slice();
  const ports = parse(spec);
  lastParsed = { spec, ports: ports.slice() };
  return ports;
}

/**
 * The last specification parsed, and its ports: the CLI validates its spec, then scan() and each
 * host's scan parse the same one again, and "all" costs a few milliseconds each time on the path a
 * whole-process timing measures. Callers get their own copy.
 */
let lastParsed: { spec: string; ports: readonly number[] } | null = null;

function parse(spec: string): number[] {
  const tokens = spec.split(",").map((token) => token.trim());
  if (spec.trim() === "" || tokens.some((token) => token === "")) {
    throw new PortSpecError(`invalid port specification "${spec}": empty entry`);
  }
  // A flag per port rather than a Set: "all" is 65,535 ports, and the CLI parses its spec before every
  // scan, so this runs on the path a whole-process timing measures.
  const wanted = new Uint8Array(MAX_PORT + 1);
  for (const token of tokens) expandToken(token, wanted);
  return inCommonnessOrder(wanted);
}

/** The flagged ports, top-list order first, then ascending. */
function inCommonnessOrder(wanted: Uint8Array): number[] {
  const ordered: number[] = [];
  for (const port of topPorts(TOP_PORTS_MAX)) {
    if (wanted[port] === 1) {
      ordered.push(port);
      wanted[port] = 2;
    }
  }
  for (let port = 1; port <= MAX_PORT; port++) if (wanted[port] === 1) ordered.push(port);
  return ordered;
}

function expandToken(token: string, wanted: Uint8Array): void {
  const lower = token.toLowerCase();
  if (lower === "all" || lower === "-") return mark(wanted, 1, MAX_PORT);
  const top = /^top-(\d+)$/.exec(lower);
  if (top) {
    const n = Number(top[1]);
    if (n < 1 || n > TOP_PORTS_MAX) {
      throw new PortSpecError(`invalid port specification "${token}": top-N needs 1 ≤ N ≤ ${TOP_PORTS_MAX}`);
    }
    for (const port of topPorts(n)) wanted[port] = 1;
    return;
  }
  const span = /^(\d+)-(\d+)$/.exec(lower);
  if (span) {
    const from = toPort(span[1]!, token);
    const to = toPort(span[2]!, token);
    if (from > to) throw new PortSpecError(`invalid port range "${token}": start is greater than end`);
    return mark(wanted, from, to);
  }
  if (/^\d+$/.test(lower)) {
    wanted[toPort(lower, token)] = 1;
    return;
  }
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

function mark(wanted: Uint8Array, from: number, to: number): void {
  wanted.fill(1, from, to + 1);
}
