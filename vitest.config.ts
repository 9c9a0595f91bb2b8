import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts", "tests/unit/**/*.test.tsx"],
          environment: "node",
          setupFiles: ["tests/setup/loopback-only.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Integration tests share real servers and databases: one file at a time keeps them honest on 2 cores.
          fileParallelism: false,
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/loopback-only.ts", "tests/setup/file-database.ts"],
          // next-auth imports "next/server" without an extension, which only a bundler resolves; inlined,
          // it loads here and its "next/headers" can be mocked by tests that drive real sign-ins.
          server: { deps: { inline: ["next-auth"] } },
        },
      },
    ],
  },
});
