/**
 * One fixture run: a temp root with a directory per service, the servers it started, and cleanup
 * that also happens when the test process exits without calling stop().
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loopbackAddress, pickLoopbackSubnet } from "./loopback";
import { spawnServer, type ServerProcess, type SpawnServerOptions } from "./server-process";
import { generateSelfSignedCertificate } from "./tls-certificate";

const liveRuns = new Set<FixtureRun>();
let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on("exit", () => {
    for (const run of liveRuns) run.stopNow();
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      for (const run of liveRuns) run.stopNow();
      process.removeListener(signal, onSignal);
      // Only re-raise when nobody else handles the signal: otherwise we would override their choice.
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

export class FixtureRun {
  readonly root: string;
  readonly subnet = pickLoopbackSubnet();
  private readonly servers: ServerProcess[] = [];
  private certificatePromise: Promise<{ certPath: string; keyPath: string }> | null = null;
  private stopped = false;

  constructor() {
    this.root = mkdtempSync(join(tmpdir(), "portwatch-services-"));
    // Workers that drop privileges (nginx, dovecot, postgres, ...) must be able to traverse it.
    chmodSync(this.root, 0o755);
    liveRuns.add(this);
    installExitHooks();
  }

  host(octet: number): string {
    return loopbackAddress(this.subnet, octet);
  }

  serviceDir(name: string): string {
    const dir = join(this.root, name);
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    return dir;
  }

  spawn(options: SpawnServerOptions): ServerProcess {
    if (this.stopped) throw new Error(`Fixture run already stopped: not starting ${options.label}`);
    const server = spawnServer(options);
    this.servers.push(server);
    return server;
  }

  certificate(openssl: string): Promise<{ certPath: string; keyPath: string }> {
    if (!this.certificatePromise) {
      const dir = join(this.root, "tls");
      mkdirSync(dir, { mode: 0o755 });
      this.certificatePromise = generateSelfSignedCertificate(openssl, dir);
    }
    return this.certificatePromise;
  }

  processIds(): number[] {
    return this.servers.flatMap((server) => server.processIds());
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await Promise.all(this.servers.map((server) => server.stop()));
    await rm(this.root, { recursive: true, force: true });
    liveRuns.delete(this);
  }

  stopNow(): void {
    this.stopped = true;
    for (const server of this.servers) server.killNow();
    rmSync(this.root, { recursive: true, force: true });
    liveRuns.delete(this);
  }
}
