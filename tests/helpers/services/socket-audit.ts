/**
 * Every TCP/UDP socket held by given processes, from `ss` (iproute2), to prove fixtures bind
 * and talk to loopback addresses only.
 */
import { execFileSync } from "node:child_process";

export interface SocketEntry {
  netid: "tcp" | "udp";
  state: string;
  local: string;
  peer: string;
  pids: number[];
}

/** Address part of `ss` endpoints such as `127.1.2.3:53`, `[::1]:53`, `0.0.0.0:*`, `*:*`. */
export function addressOf(endpoint: string): string {
  const cut = endpoint.lastIndexOf(":");
  const host = cut === -1 ? endpoint : endpoint.slice(0, cut);
  return host.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
}

export function isLoopbackAddress(address: string): boolean {
  return /^127\./.test(address) || address === "::1" || /^::ffff:127\./i.test(address);
}

/** Wildcard peers (`*`, `0.0.0.0`) mean "not connected", which is fine for a peer. */
export function isUnconnectedPeer(address: string): boolean {
  return address === "*" || address === "0.0.0.0" || address === "::";
}

export function socketsOfProcesses(pids: ReadonlySet<number>, ss = "ss"): SocketEntry[] {
  const output = execFileSync(ss, ["-H", "-n", "-t", "-u", "-a", "-p"], { encoding: "utf8" });
  const entries: SocketEntry[] = [];
  for (const line of output.split("\n")) {
    const owners = [...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1]));
    if (!owners.some((pid) => pids.has(pid))) continue;
    const [netid, state, , , local, peer] = line.trim().split(/\s+/);
    if ((netid !== "tcp" && netid !== "udp") || !local || !peer) continue;
    entries.push({ netid, state: state ?? "", local, peer, pids: owners });
  }
  return entries;
}
