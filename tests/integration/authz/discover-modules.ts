import fs from "node:fs";
import path from "node:path";

/** Every file called `fileName` under `dir` (relative to the repo root), sorted, as repo-relative paths. */
export function findFiles(dir: string, fileName: string): string[] {
  const abs = path.join(process.cwd(), dir);
  if (!fs.existsSync(abs)) return [];
  return (fs.readdirSync(abs, { recursive: true }) as string[])
    .filter((rel) => path.basename(rel) === fileName)
    .map((rel) => path.join(dir, rel).split(path.sep).join("/"))
    .sort();
}

/**
 * The names a module exports, read from its source. Server-action and route modules export only
 * functions, written as `export const x =`, `export [async] function x` or `export { x, y as z }`.
 * Reading the source (instead of importing) lets the coverage check see modules whose imports only
 * load inside Next.js (next-auth, for one).
 */
export function exportedNames(file: string): string[] {
  const source = fs.readFileSync(path.join(process.cwd(), file), "utf8");
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:const|let|var|(?:async\s+)?function\*?)\s+([A-Za-z_$][\w$]*)/gm))
    names.add(m[1]!);
  for (const m of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of m[1]!.split(",")) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name && name !== "type" && !part.trim().startsWith("type ")) names.add(name);
    }
  }
  return [...names].sort();
}

export function exportKeys(files: string[]): string[] {
  return files.flatMap((file) => exportedNames(file).map((name) => `${file}#${name}`));
}

/** Imports the modules of `keys` and returns the named exports, checking that each is a function. */
export async function loadExports(keys: string[]): Promise<Map<string, (...args: never[]) => unknown>> {
  const out = new Map<string, (...args: never[]) => unknown>();
  for (const key of keys) {
    const [file, name] = key.split("#") as [string, string];
    const mod = (await import(/* @vite-ignore */ path.join(process.cwd(), file))) as Record<string, unknown>;
    const value = mod[name];
    if (typeof value !== "function") throw new Error(`${key} is not an exported function`);
    out.set(key, value as (...args: never[]) => unknown);
  }
  return out;
}
