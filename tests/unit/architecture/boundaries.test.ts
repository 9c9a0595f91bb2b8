/**
 * The layer rules of docs/architecture.md are ESLint rules (eslint.config.mjs), so `npm test` fails on
 * a forbidden import. These lint small files placed where a newcomer might write them.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");
let probeEslint: ESLint;
let cycleEslint: ESLint;

beforeAll(() => {
  // import/no-cycle precomputes the import graph from the files on disk: it throws on a file that is
  // not there and cannot see an edited one. So it is off for the new probe files, and the cycle case
  // edits an existing file with that precomputation (an optimisation, docs: disableScc) turned off.
  probeEslint = new ESLint({ cwd: root, overrideConfig: { rules: { "import/no-cycle": "off" } } });
  cycleEslint = new ESLint({
    cwd: root,
    overrideConfig: { rules: { "import/no-cycle": ["error", { ignoreExternal: true, disableScc: true }] } },
  });
});

/** The errors ESLint reports for `code` saved as `file` (a new file unless `existing`). */
async function errorsOf(file: string, code: string, existing = false): Promise<string[]> {
  const [result] = await (existing ? cycleEslint : probeEslint).lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("import boundaries", { timeout: 120_000 }, () => {
  it("lets the scanner import itself, node: modules and plain libraries", async () => {
    const code = `import net from "node:net";\nimport { z } from "zod";\nimport type { PortResult } from "./types";\nexport const probe: [typeof net, typeof z, PortResult | null] = [net, z, null];\n`;
    expect(await errorsOf("lib/scanner/probe.ts", code)).toEqual([]);
  });

  it.each([
    [
      "the database from lib/scanner",
      "lib/scanner/probe.ts",
      `import { db } from "@/lib/db/client";\nexport const probe = db;\n`,
      /no-restricted-paths.*pure engine/,
    ],
    [
      "the database from lib/scanner by a relative path",
      "lib/scanner/tcp/probe.ts",
      `import { db } from "../../db/client";\nexport const probe = db;\n`,
      /no-restricted-paths/,
    ],
    [
      "Next from lib/scanner",
      "lib/scanner/probe.ts",
      `import { headers } from "next/headers";\nexport const probe = headers;\n`,
      /no-restricted-imports/,
    ],
    [
      "Prisma from lib/grading",
      "lib/grading/probe.ts",
      `import { PrismaClient } from "@prisma/client";\nexport const probe = PrismaClient;\n`,
      /no-restricted-imports.*pure engine/,
    ],
    [
      "the generated Prisma client from lib/grading",
      "lib/grading/probe.ts",
      `import type { Prisma } from "@/lib/generated/prisma/client";\nexport type Probe = Prisma.AssetWhereInput;\n`,
      /no-restricted-paths/,
    ],
    [
      "Inngest from lib/grading",
      "lib/grading/probe.ts",
      `import { inngest } from "@/inngest/client";\nexport const probe = inngest;\n`,
      /no-restricted-paths/,
    ],
    [
      "the database from a component",
      "components/assets/probe.tsx",
      `import { db } from "@/lib/db/client";\nexport const probe = db;\n`,
      /no-restricted-paths.*Components never touch the database/,
    ],
    [
      "an Inngest function from lib",
      "lib/assets/probe.ts",
      `import { scanAsset } from "@/inngest/functions/scan-asset";\nexport const probe = scanAsset;\n`,
      /no-restricted-paths.*never imports Inngest functions/,
    ],
    [
      "lib/monitoring from lib/scan-runs",
      "lib/scan-runs/probe.ts",
      `import { claimDueAssets } from "@/lib/monitoring/claim-due-assets";\nexport const probe = claimDueAssets;\n`,
      /no-restricted-paths.*never the reverse/,
    ],
    [
      "a route's code from lib",
      "lib/assets/probe.ts",
      `import * as actions from "@/app/(app)/assets/actions";\nexport const probe = actions;\n`,
      /no-restricted-paths/,
    ],
  ])("refuses %s", async (_what, file, code, expected) => {
    const errors = await errorsOf(file, code);
    expect(errors.join("\n")).toMatch(expected);
  });

  it("lets lib send events through the event contract", async () => {
    const code = `import { inngest } from "@/inngest/client";\nimport { assetDeleted } from "@/inngest/events";\nexport const probe = [inngest, assetDeleted];\n`;
    expect(await errorsOf("lib/assets/probe.ts", code)).toEqual([]);
  });

  it("refuses an import cycle", async () => {
    // text.ts is imported by protocols/http.ts: importing it back closes a cycle.
    const code = `import { recogniseHttp } from "./protocols/http";\nexport const probe = recogniseHttp;\n`;
    expect((await errorsOf("lib/scanner/detect/text.ts", code, true)).join("\n")).toMatch(/import\/no-cycle/);
  });

  it("checks cycles in every folder, as an error", async () => {
    for (const file of [
      "lib/scanner/scan.ts",
      "lib/scan-runs/start-scan.ts",
      "app/layout.tsx",
      "components/forms/form-status.tsx",
      "inngest/index.ts",
    ]) {
      const config = (await new ESLint({ cwd: root }).calculateConfigForFile(file)) as {
        rules: Record<string, unknown[]>;
      };
      expect(config.rules["import/no-cycle"]?.[0], file).toBe(2);
    }
  });
});
