/**
 * One long-running server process: own process group, output to a log file, readiness helpers
 * that fail fast with that log when the server dies, and a stop that leaves nothing behind.
 */
import { spawn } from "node:child_process";
import { closeSync, openSync, readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { isAlive, processGroups, processTree, signalGroups } from "./process-tree";
import { serverEnvironment } from "./environment";
import { systemUser } from "./system-users";

export interface SpawnServerOptions {
  /** Human-readable name used in errors, e.g. "nginx". */
  label: string;
  command: string;
  args: readonly string[];
  logPath: string;
  cwd?: string;
  env?: Record<string, string>;
  /** Run as this system user instead of root (PostgreSQL refuses to run as root). */
  user?: string;
  /** vsftpd reports start-up errors on file descriptor 0: point it at the log too. */
  stdinToLog?: boolean;
}

export interface ServerProcess {
  readonly label: string;
  readonly pid: number;
  readonly logPath: string;
  /** Exit description once the main process has ended, otherwise null. */
  exitStatus(): string | null;
  /** Last few kilobytes of the server's output, for error messages. */
  logTail(bytes?: number): string;
  /** Every live process of the server's tree (for the loopback-only check). */
  processIds(): number[];
  stop(): Promise<void>;
  /** Synchronous SIGKILL of the whole tree, for process-exit cleanup. */
  killNow(): void;
}

const STOP_GRACE_MS = 3_000;

export function readLogTail(path: string, bytes = 6_000): string {
  try {
    const text = readFileSync(path, "utf8");
    return text.length > bytes ? `…${text.slice(-bytes)}` : text;
  } catch {
    return "(no log written)";
  }
}

export function spawnServer(options: SpawnServerOptions): ServerProcess {
  const logFd = openSync(options.logPath, "a");
  const identity = options.user === undefined ? {} : systemUser(options.user);
  let exit: string | null = null;
  try {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: serverEnvironment(options.env),
      // detached → setsid(): the server and its workers form their own group we can signal at once.
      detached: true,
      stdio: [options.stdinToLog ? logFd : "ignore", logFd, logFd],
      ...identity,
    });
    child.on("error", (error) => {
      exit = `could not be started: ${error.message}`;
    });
    child.on("exit", (code, signal) => {
      exit = signal ? `was killed by ${signal}` : `exited with code ${String(code)}`;
    });
    // Unref so a forgotten fixture cannot keep the test runner alive; exit hooks still kill it.
    child.unref();
    const pid = child.pid ?? -1;

    const treeGroups = () => (pid > 0 ? processGroups(processTree(pid)) : []);

    return {
      label: options.label,
      pid,
      logPath: options.logPath,
      exitStatus: () => exit,
      logTail: (bytes) => readLogTail(options.logPath, bytes),
      processIds: () => (pid > 0 ? processTree(pid).map((p) => p.pid) : []),
      async stop() {
        if (pid <= 0) return;
        const tree = processTree(pid);
        const groups = [...new Set([pid, ...processGroups(tree)])];
        signalGroups(groups, "SIGTERM");
        const deadline = Date.now() + STOP_GRACE_MS;
        while (Date.now() < deadline && tree.some((p) => isAlive(p.pid))) await sleep(50);
        // Groups are re-read: a server may have forked new workers while shutting down.
        const survivors = processTree(pid);
        signalGroups([...new Set([...groups, ...processGroups(survivors)])], "SIGKILL");
        const killDeadline = Date.now() + 1_000;
        while (Date.now() < killDeadline && [...tree, ...survivors].some((p) => isAlive(p.pid))) await sleep(20);
      },
      killNow() {
        if (pid <= 0) return;
        signalGroups([...new Set([pid, ...treeGroups()])], "SIGKILL");
      },
    };
  } finally {
    closeSync(logFd);
  }
}
