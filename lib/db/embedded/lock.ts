import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * One owner per embedded data directory. PostgreSQL (and so PGlite) corrupts its WAL when two
 * instances run on one directory, so the process that opens it first takes `<dir>.lock` with
 * O_CREAT|O_EXCL and writes its pid there; everyone else connects to the URL recorded next to it.
 */
export interface LockOwner {
  pid: number;
  /** Linux process start time (clock ticks since boot): tells a live owner from a reused pid. */
  startTicks: number | null;
  host: string;
  command: string;
  startedAt: string;
  /** postgres:// URL of the owner's socket once it listens. */
  url?: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `The embedded database ${dataDir} is in use by process ${owner.pid} (${owner.command || "unknown command"}, since ${owner.startedAt}). ` +
        `Only one process may run the database on a directory: stop that process first, connect through it` +
        (owner.url ? ` (${owner.url})` : "") +
        `, or point PGLITE_DATA_DIR at another directory.`,
    );
    this.name = "DataDirLockedError";
  }
}

export function lockPath(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, "")}.lock`;
}

function processStartTicks(pid: number): number | null {
  try {
    // Field 22 of /proc/<pid>/stat, counted after the parenthesised command name (which may hold spaces).
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[19]);
  } catch {
    return null;
  }
}

function processCommand(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ").slice(0, 200);
  } catch {
    return process.argv.join(" ").slice(0, 200);
  }
}

/** A killed process stays a zombie until its parent reaps it (never, under a PID 1 that reaps nothing). */
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const state = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0];
    return state === "Z" || state === "X";
  } catch {
    return false;
  }
}

function isAlive(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true; // another machine sharing the directory: never steal it
  if (isZombie(owner.pid)) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const ticks = processStartTicks(owner.pid);
  return owner.startTicks === null || ticks === null || ticks === owner.startTicks;
}

function readOwner(file: string): LockOwner | null {
  try {
    const owner = JSON.parse(fs.readFileSync(file, "utf8")) as LockOwner;
    return Number.isInteger(owner.pid) ? owner : null;
  } catch {
    return null;
  }
}

/** The live owner of a data directory, or null when nobody holds it (a stale lock counts as nobody). */
export function liveOwner(dataDir: string): LockOwner | null {
  const owner = readOwner(lockPath(dataDir));
  return owner && isAlive(owner) ? owner : null;
}

export interface DataDirLock {
  readonly path: string;
  /** Records the socket URL so other processes can connect through this owner. */
  publish(url: string): void;
  release(): void;
}

function me(): LockOwner {
  return {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    host: os.hostname(),
    command: processCommand(process.pid),
    startedAt: new Date().toISOString(),
  };
}

function tryCreate(file: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, "wx", 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
  try {
    fs.writeSync(fd, JSON.stringify(owner));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * Removes a stale lock under a short-lived breaker lock, so two processes that both found the same
 * dead owner cannot remove each other's fresh lock. A lock whose file is unreadable is only treated
 * as stale once it is older than a few seconds (its writer may still be writing it).
 */
function breakStaleLock(file: string, seen: LockOwner | null): void {
  const breaker = `${file}.break`;
  if (!tryCreate(breaker, me())) {
    const holder = readOwner(breaker);
    const age = Date.now() - (fs.statSync(breaker, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if ((holder && isAlive(holder)) || age < 10_000) return; // someone else is recovering it right now
    fs.rmSync(breaker, { force: true });
    return;
  }
  try {
    const now = readOwner(file);
    const same = JSON.stringify(now) === JSON.stringify(seen);
    if (same) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(breaker, { force: true });
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the data directory for this process, or throws DataDirLockedError naming the live owner. */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const file = lockPath(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const owner = me();
  for (let attempt = 0; attempt < 150; attempt++) {
    if (tryCreate(file, owner)) {
      let held = true;
      return {
        path: file,
        publish(url: string) {
          owner.url = url;
          const tmp = `${file}.${process.pid}.tmp`;
          fs.writeFileSync(tmp, JSON.stringify(owner));
          fs.renameSync(tmp, file);
        },
        release() {
          if (!held) return;
          held = false;
          if (readOwner(file)?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    }
    const existing = readOwner(file);
    if (existing && isAlive(existing)) throw new DataDirLockedError(dataDir, existing);
    const age = Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (existing || age > 5_000) breakStaleLock(file, existing);
    if (fs.existsSync(file)) sleepSync(100);
  }
  throw new Error(`Could not take the lock ${file}: it keeps changing. Is another process starting on ${dataDir}?`);
}
