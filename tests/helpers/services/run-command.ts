/** One-shot helper commands (key generation, database initialisation, version queries). */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { serverEnvironment } from "./environment";
import { systemUser } from "./system-users";

const execFileAsync = promisify(execFile);

export interface CommandOptions {
  cwd?: string;
  user?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** Runs a command to completion; stdout and stderr together, or an error carrying both. */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: CommandOptions = {},
): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      cwd: options.cwd,
      env: serverEnvironment(options.env),
      timeout: options.timeoutMs ?? 60_000,
      maxBuffer: 4 * 1024 * 1024,
      ...(options.user === undefined ? {} : systemUser(options.user)),
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const failed = error as { message: string; stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(" ")} failed: ${failed.message}\n${failed.stdout ?? ""}${failed.stderr ?? ""}`.trim(),
    );
  }
}

/** Version of an installed program, taken from its own version output (e.g. `nginx -v`). */
export async function installedVersion(command: string, args: readonly string[], pattern: RegExp): Promise<string> {
  const output = await runCommand(command, args, { timeoutMs: 15_000 });
  const version = pattern.exec(output)?.[1];
  if (!version) throw new Error(`Cannot read the version of ${command} from ${JSON.stringify(output.slice(0, 300))}`);
  return version;
}
