import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

// scripts/web-cluster.mjs runs any server script as its workers; this stand-in for `next start`
// answers with its pid and whether it would run the local executor.
const dir = mkdtempSync(path.join(tmpdir(), "web-cluster-"));
const fakeServer = path.join(dir, "fake-next.mjs");
writeFileSync(
  fakeServer,
  `import http from "node:http";
const port = Number(process.argv[process.argv.indexOf("-p") + 1]);
http.createServer((req, res) => {
  res.setHeader("connection", "close");
  res.end(JSON.stringify({ pid: process.pid, executor: process.env.PORTWATCH_EXECUTOR ?? "default" }));
}).listen(port, "127.0.0.1");
`,
);

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function ask(port: number): Promise<{ pid: number; executor: string } | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`);
    return (await res.json()) as { pid: number; executor: string };
  } catch {
    return null;
  }
}

/** Asks until `count` distinct workers have answered (connections are spread round-robin). */
async function workersAnswering(port: number, count: number): Promise<Map<number, string>> {
  const seen = new Map<number, string>();
  for (let i = 0; i < 400 && seen.size < count; i++) {
    const answer = await ask(port);
    if (answer) seen.set(answer.pid, answer.executor);
    else await new Promise((r) => setTimeout(r, 50));
  }
  return seen;
}

let primary: ChildProcess | null = null;
afterEach(() => {
  primary?.kill("SIGKILL");
  primary = null;
});

describe("web-cluster (npm start with WEB_CONCURRENCY)", () => {
  it("serves one port from N processes, only the first runs the executor, replaces a dead worker and stops on SIGTERM", async () => {
    const port = await freePort();
    primary = spawn(process.execPath, ["scripts/web-cluster.mjs", fakeServer, "start", "-p", String(port)], {
      env: { ...process.env, WEB_CONCURRENCY: "2" },
      stdio: "ignore",
    });
    const first = await workersAnswering(port, 2);
    expect(first.size).toBe(2);
    expect([...first.values()].sort()).toEqual(["default", "off"]);

    // A worker that dies is replaced: two workers answer again, one of them new.
    const [victim] = first.keys();
    process.kill(victim!, "SIGKILL");
    await new Promise((r) => setTimeout(r, 1500));
    const after = await workersAnswering(port, 2);
    expect(after.size).toBe(2);
    expect(after.has(victim!)).toBe(false);
    expect([...after.values()].sort()).toEqual(["default", "off"]);

    const exited = new Promise<number | null>((resolve) => primary!.once("exit", (code) => resolve(code)));
    primary.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(await ask(port)).toBeNull();
  }, 60_000);
});
