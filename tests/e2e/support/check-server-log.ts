import fs from "node:fs";
import { serverLogPath, unhandledRejections } from "./server-log";

/** Playwright global teardown: the run fails when the server logged an unhandled rejection. */
export default function checkServerLog(): void {
  const file = serverLogPath();
  if (!fs.existsSync(file)) throw new Error(`The e2e server log ${file} is missing`);
  const log = fs.readFileSync(file, "utf8");
  const found = unhandledRejections(log);
  if (found.length > 0) {
    throw new Error(
      `The server logged ${found.length} unhandled rejection(s) (full log: ${file}):\n${found.join("\n")}`,
    );
  }
}
