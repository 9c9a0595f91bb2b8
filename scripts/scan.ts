/** CLI entry: `npm run --silent scan -- [options] TARGET...` (see lib/scanner/cli/args.ts). */
import { runCli } from "../lib/scanner/cli/run-cli";

const controller = new AbortController();
process.once("SIGINT", () => controller.abort(new Error("interrupted")));
process.once("SIGTERM", () => controller.abort(new Error("terminated")));

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
// Every socket of the scan is closed by now; exit explicitly so a stray timer in a dependency cannot keep the CLI alive.
process.exit(code);
