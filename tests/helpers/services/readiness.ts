/**
 * Waiting until a server accepts connections, failing fast (with its log) when it dies instead.
 */
import net from "node:net";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import type { ServerProcess } from "./server-process";

const READY_TIMEOUT_MS = 40_000;

export class ServerStartError extends Error {
  constructor(server: ServerProcess, problem: string, extraLogs: string[] = []) {
    const extra = extraLogs.filter((text) => text.trim() !== "").map((text) => `\n--- more log ---\n${text}`);
    super(`${server.label} ${problem}\n--- ${server.logPath} ---\n${server.logTail()}${extra.join("")}`);
    this.name = "ServerStartError";
  }
}

function tryConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, family: 4 });
    const timer = setTimeout(() => finish(false), 1_000);
    function finish(ok: boolean) {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    }
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
  });
}

async function waitUntil(
  server: ServerProcess,
  what: string,
  check: () => Promise<boolean> | boolean,
  extraLogs: () => string[],
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const exit = server.exitStatus();
    if (exit !== null) throw new ServerStartError(server, `${exit} before ${what}`, extraLogs());
    if (await check()) return;
    if (Date.now() > deadline)
      throw new ServerStartError(server, `did not start ${what} within ${READY_TIMEOUT_MS / 1000} s`, extraLogs());
    await sleep(100);
  }
}

export function waitForTcp(
  server: ServerProcess,
  host: string,
  port: number,
  extraLogs: () => string[] = () => [],
): Promise<void> {
  return waitUntil(server, `accepting TCP connections on ${host}:${port}`, () => tryConnect(host, port), extraLogs);
}

/** /proc/net/udp spells addresses as little-endian hex, e.g. 127.1.2.3:53 → 0302017F:0035. */
function procNetUdpAddress(host: string, port: number): string {
  const octets = host.split(".").map(Number).reverse();
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");
  return `${octets.map((o) => hex(o, 2)).join("")}:${hex(port, 4)}`;
}

/** A UDP server proves nothing until asked in its own protocol; a bound socket is what we can wait for. */
export function waitForUdp(
  server: ServerProcess,
  host: string,
  port: number,
  extraLogs: () => string[] = () => [],
): Promise<void> {
  const wanted = procNetUdpAddress(host, port);
  return waitUntil(
    server,
    `listening on UDP ${host}:${port}`,
    () =>
      readFileSync("/proc/net/udp", "utf8")
        .split("\n")
        .some((line) => line.trim().split(/\s+/)[1] === wanted),
    extraLogs,
  );
}
