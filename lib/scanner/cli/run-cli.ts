import { scan } from "../scan";
import type { PortResult } from "../types";
import { parseCliArgs, USAGE } from "./args";
import { formatCatchAll, formatProgress, formatTable, jsonLine } from "./format";

export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  signal?: AbortSignal;
}

/** The scan command; returns the exit code (0 ok, 1 a target refused or failed, 2 usage error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    io.stderr.write(`scan: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const showProgress = args.progress || io.stderr.isTTY === true;
  let progressShown = false;
  const events = scan(args.targets, {
    ports: args.ports,
    udp: args.udp,
    udpPorts: args.udpPorts,
    allStates: args.allStates,
    discovery: args.discovery,
    detection: args.detect,
    env: io.env,
    signal: io.signal,
    onProgress: showProgress
      ? (p) => {
          progressShown = true;
          io.stderr.write(io.stderr.isTTY ? `\r${formatProgress(p)}\x1b[K` : `${formatProgress(p)}\n`);
        }
      : undefined,
  });
  const clearProgress = () => {
    if (progressShown && io.stderr.isTTY) io.stderr.write("\r\x1b[K");
  };
  let exitCode = 0;
  let hostsScanned = 0;
  const table: PortResult[] = [];
  try {
    for await (const event of events) {
      switch (event.type) {
        case "target-refused":
          clearProgress();
          io.stderr.write(`scan: ${event.target}: ${event.error.message}\n`);
          exitCode = 1;
          break;
        case "address-refused":
          clearProgress();
          io.stderr.write(
            `scan: ${event.refused.target}: skipping ${event.refused.hostname} ${event.refused.reason}\n`,
          );
          break;
        case "catch-all":
          clearProgress();
          io.stderr.write(`scan: ${formatCatchAll(event.host)}\n`);
          break;
        case "host-started":
          hostsScanned++;
          break;
        case "port":
          if (args.json) io.stdout.write(`${jsonLine(event.result)}\n`);
          else table.push(event.result);
          break;
        default:
          break;
      }
    }
  } catch (error) {
    clearProgress();
    io.stderr.write(`scan: ${(error as Error).message}\n`);
    return 1;
  }
  clearProgress();
  if (!args.json && hostsScanned > 0) io.stdout.write(`${formatTable(table)}\n`);
  return exitCode;
}
