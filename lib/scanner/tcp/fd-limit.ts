import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const FALLBACK_SOFT_LIMIT = 1024;

/** The soft RLIMIT_NOFILE of this process (what `ulimit -n` prints). */
export function fileDescriptorSoftLimit(): number {
  const fromRlimit = (process as unknown as { getrlimit?: (r: string) => { soft: number } }).getrlimit?.("nofile");
  if (fromRlimit && Number.isFinite(fromRlimit.soft)) return fromRlimit.soft;
  try {
    const limits = readFileSync("/proc/self/limits", "utf8");
    const match = /^Max open files\s+(\d+|unlimited)/m.exec(limits);
    if (match) return match[1] === "unlimited" ? 1 << 20 : Number(match[1]);
  } catch {
    // Not Linux: ask a shell, which inherits our limits.
  }
  try {
    const out = execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8", timeout: 2_000 }).trim();
    if (out === "unlimited") return 1 << 20;
    const value = Number(out);
    if (Number.isInteger(value) && value > 0) return value;
  } catch {
    // Fall through to a value every Unix allows.
  }
  return FALLBACK_SOFT_LIMIT;
}

/**
 * Sockets the scanner may hold at once: three quarters of the soft limit minus a fixed reserve,
 * so detection connections, DNS, log files and the host application keep their descriptors.
 */
export function socketBudget(softLimit = fileDescriptorSoftLimit()): number {
  const RESERVE = 128;
  return Math.max(32, Math.floor((softLimit - RESERVE) * 0.75));
}
