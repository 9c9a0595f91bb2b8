/**
 * `npm run scan`: runs the scanner CLI (scripts/scan.ts) from a JavaScript bundle that esbuild builds
 * from its TypeScript sources, rebuilt whenever one of them (or the lock file) is newer than the
 * bundle. A scan then starts in about the time of Node itself instead of compiling TypeScript through
 * tsx on every start, which matters for whole-process speed (npm run bench:scan).
 * The bundle lives in node_modules/.cache; concurrent first runs each write it atomically.
 * package.json starts it with NODE_EXTRA_CA_CERTS emptied: Node reads that CA bundle at start-up
 * (~40 ms for Debian's), and the scanner never verifies a certificate (detection connects with
 * rejectUnauthorized: false to see any server's own certificate).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outdir = join(root, "node_modules", ".cache", "portwatch-scan-cli");
const bundle = join(outdir, "scan.js");
const inputsFile = join(outdir, "inputs.json");

function isStale() {
  if (!existsSync(bundle) || !existsSync(inputsFile)) return true;
  const built = statSync(bundle).mtimeMs;
  const inputs = [...JSON.parse(readFileSync(inputsFile, "utf8")), "package-lock.json"];
  return inputs.some((input) => {
    const path = join(root, input);
    return !existsSync(path) || statSync(path).mtimeMs > built;
  });
}

async function rebuild() {
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    // The shard worker is started from a file beside the bundle (lib/scanner/tcp/shard-worker.ts).
    entryPoints: { scan: "scripts/scan.ts", "tcp-scan-worker": "lib/scanner/tcp/tcp-scan-worker.ts" },
    bundle: true,
    // Modules the scanner imports on first use (service detection with TLS, UDP probes) become chunks
    // of their own, so a port-discovery run (--no-detect) loads only the TCP path. Chunk names carry a
    // content hash (a scan still running from an older build keeps finding its own), and sit beside the
    // entry points because the worker thread is started from a path relative to its caller (shard-worker.ts).
    splitting: true,
    chunkNames: "[name]-[hash]",
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outdir,
    write: false,
    metafile: true,
    logLevel: "warning",
  });
  mkdirSync(outdir, { recursive: true });
  const write = (path, contents) => {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  };
  write(
    inputsFile,
    JSON.stringify(Object.keys(result.metafile.inputs).map((input) => relative(root, join(root, input)))),
  );
  // The main bundle last: its mtime marks the whole build as done.
  const files = [...result.outputFiles].sort((a, b) => Number(a.path === bundle) - Number(b.path === bundle));
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    write(file.path, file.contents);
  }
}

if (isStale()) await rebuild();
await import(pathToFileURL(bundle).href);
