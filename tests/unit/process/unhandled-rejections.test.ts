import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { unhandledRejections } from "@/tests/e2e/support/server-log";

const tsx = path.resolve("node_modules", "tsx", "dist", "cli.mjs");

describe("unhandled rejections", () => {
  it("are logged with their stack, and the e2e server-log check finds them", async () => {
    const script = [
      'import { logUnhandledRejections } from "@/lib/process/unhandled-rejections";',
      'logUnhandledRejections("a test process");',
      'function deepInside() { return Promise.reject(new Error("nobody awaited this")); }',
      "void deepInside();",
      "setTimeout(() => process.exit(0), 200);",
    ].join("\n");
    const { stderr } = await promisify(execFile)(process.execPath, [tsx, "--eval", script], { encoding: "utf8" });
    const found = unhandledRejections(stderr);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^Unhandled rejection in a test process \(pid \d+\): Error: nobody awaited this/);
    expect(stderr).toContain("at deepInside");
  });

  it("are found in Next.js's and Node's own wording too, and nothing else is", () => {
    const log = [
      "⨯ unhandledRejection: Error: boom",
      " GET /assets 200 in 12ms",
      "[Error: x] UnhandledPromiseRejection",
      "Unhandled Rejection: RuntimeError: Aborted()",
    ].join("\n");
    expect(unhandledRejections(log)).toEqual([
      "⨯ unhandledRejection: Error: boom",
      "[Error: x] UnhandledPromiseRejection",
      "Unhandled Rejection: RuntimeError: Aborted()",
    ]);
  });
});
