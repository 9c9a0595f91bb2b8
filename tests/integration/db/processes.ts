import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import readline from "node:readline";

/** A TypeScript fixture run in its own process (its own process group, so SIGKILL takes all of it). */
export interface Fixture {
  child: ChildProcessWithoutNullStreams;
  /** The fixture's first report: a stdout line `@@ {json}`. */
  first: Promise<Record<string, unknown>>;
  output(): string;
  exited: Promise<number | null>;
  signal(signal: NodeJS.Signals): void;
}

const tsx = path.resolve("node_modules", "tsx", "dist", "cli.mjs");

export function runFixture(file: string, args: string[] = [], env: Record<string, string | undefined> = {}): Fixture {
  const child = spawn(process.execPath, [tsx, path.resolve("tests/integration/db/fixtures", file), ...args], {
    env: { ...process.env, ...env },
    detached: true,
  });
  let output = "";
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const lines = readline.createInterface({ input: child.stdout });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const first = new Promise<Record<string, unknown>>((resolve, reject) => {
    lines.on("line", (line) => {
      output += `${line}\n`;
      if (line.startsWith("@@ ")) resolve(JSON.parse(line.slice(3)) as Record<string, unknown>);
    });
    void exited.then((code) => reject(new Error(`fixture ${file} exited (${code}) before reporting:\n${output}`)));
  });
  first.catch(() => undefined);
  return {
    child,
    first,
    output: () => output,
    exited,
    signal(signal) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    },
  };
}
