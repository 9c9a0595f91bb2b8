/**
 * Process-tree inspection through /proc. Servers such as Postfix's master call setsid() and leave
 * the process group we created, so stopping a server means signalling every group its tree uses.
 */
import { readdirSync, readFileSync } from "node:fs";

interface ProcStat {
  pid: number;
  ppid: number;
  pgid: number;
  state: string;
}

function readStat(pid: number): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name sits in parentheses and may itself contain spaces or parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, state: fields[0] ?? "?", ppid: Number(fields[1]), pgid: Number(fields[2]) };
  } catch {
    return null; // the process ended while we looked
  }
}

function allProcesses(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** `root` and all its live descendants. */
export function processTree(root: number): ProcStat[] {
  const processes = allProcesses();
  const byParent = new Map<number, ProcStat[]>();
  for (const p of processes) byParent.set(p.ppid, [...(byParent.get(p.ppid) ?? []), p]);
  const rootStat = processes.find((p) => p.pid === root);
  if (!rootStat) return [];
  const tree: ProcStat[] = [];
  const queue = [rootStat];
  while (queue.length > 0) {
    const next = queue.shift()!;
    tree.push(next);
    queue.push(...(byParent.get(next.pid) ?? []));
  }
  return tree.filter((p) => p.state !== "Z");
}

const ownGroup = readStat(process.pid)?.pgid ?? process.pid;

/** Process groups of a tree, never our own (a server that joined it must not take the test runner down). */
export function processGroups(tree: readonly ProcStat[]): number[] {
  return [...new Set(tree.map((p) => p.pgid))].filter((g) => g > 1 && g !== ownGroup);
}

export function isAlive(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== null && stat.state !== "Z";
}

export function signalGroups(groups: readonly number[], signal: NodeJS.Signals): void {
  for (const group of groups) {
    try {
      process.kill(-group, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
  }
}
