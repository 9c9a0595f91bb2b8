import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine as WasmSchemaEngine, MigrationList } from "@prisma/schema-engine-wasm";

/**
 * Prisma's own schema engine, compiled to WebAssembly, driven through the app's driver adapter.
 * The native engine cannot be downloaded on every machine; this one ships inside an npm package.
 * The module is instantiated by hand so no `--experimental-wasm-modules` flag is needed.
 */
type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindings: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const require = createRequire(import.meta.url);
    const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bg: Bindings = await import(pathToImport(path.join(pkgDir, "schema_engine_bg.js")));
    const bytes = fs.readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    (bg as unknown as { __wbg_set_wasm(x: unknown): void }).__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
    return bg;
  })();
  return bindings;
}

function pathToImport(p: string): string {
  return new URL(`file://${p}`).href;
}

export const SCHEMA_PATH = path.resolve(process.cwd(), "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma", "migrations");

export async function openSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<WasmSchemaEngine> {
  const bg = await loadBindings();
  const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
  const logs: string[] = [];
  return bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    (log: string) => {
      if (process.env.PRISMA_SCHEMA_ENGINE_DEBUG) console.error(log);
      logs.push(log);
    },
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}

/** Reads prisma/migrations in Prisma's layout: <timestamp>_<name>/migration.sql + migration_lock.toml. */
export function readMigrationList(dir = MIGRATIONS_DIR): MigrationList {
  const lockPath = path.join(dir, "migration_lock.toml");
  const entries = fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  return {
    baseDir: dir,
    lockfile: {
      path: "migration_lock.toml",
      content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: entries.map((name) => {
      const file = path.join(dir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: fs.existsSync(file)
            ? { tag: "ok", value: fs.readFileSync(file, "utf8") }
            : { tag: "error", value: "missing migration.sql" },
        },
      };
    }),
  } as MigrationList;
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };
