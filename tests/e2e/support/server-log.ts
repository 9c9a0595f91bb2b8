import path from "node:path";

/**
 * Where the e2e server keeps its files: the embedded database and the server's log. Dev mode
 * (E2E_DEV=1, `next dev`) and the production build use separate directories.
 */
export function e2eRoot(): string {
  return path.resolve(".data", process.env.E2E_DEV ? "e2e-dev" : "e2e");
}

export function serverLogPath(): string {
  return path.join(e2eRoot(), "server.log");
}

/** Lines of a server log that report an unhandled rejection (ours, Next.js's or Node's wording). */
export function unhandledRejections(log: string): string[] {
  return log.split("\n").filter((line) => /unhandled ?(promise ?)?rejection/i.test(line));
}
