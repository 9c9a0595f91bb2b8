import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { acquireDataDirLock } from "./lock";

/** Automatic backups of the embedded database: one per start, the newest few kept. */
export const BACKUPS_KEPT = 3;

export function backupsDir(dataDir: string): string {
  return `${dataDir.replace(/[\\/]+$/, "")}-backups`;
}

/** Backup files, newest first. */
export function listBackups(dataDir: string): string[] {
  const dir = backupsDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /^pglite-.*\.tar\.gz$/.test(f))
    .sort()
    .reverse()
    .map((f) => path.join(dir, f));
}

/**
 * Writes a gzipped dump of the data directory (PGlite's own format, loadable with `loadDataDir`) taken
 * right after a successful open, before anything else connects, and keeps the newest BACKUPS_KEPT.
 */
export async function takeBackup(db: PGlite, dataDir: string, keep = BACKUPS_KEPT): Promise<string> {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `pglite-${stamp}.tar.gz`);
  const dump = await db.dumpDataDir("gzip");
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
  for (const old of listBackups(dataDir).slice(keep)) fs.rmSync(old, { force: true });
  return file;
}

/**
 * Recreates the data directory from a backup. Refuses to overwrite anything: the current directory
 * must have been moved aside (or be empty), and nobody may be serving it.
 */
export async function restoreBackup(file: string, dataDir: string): Promise<void> {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty. Move it aside first (mv ${dataDir} ${dataDir}.old), then restore.`);
  }
  const lock = acquireDataDirLock(dataDir);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    const db = new PGlite({ dataDir, loadDataDir: new Blob([fs.readFileSync(file)]) });
    await db.waitReady;
    await db.query("SELECT 1");
    await db.close();
  } finally {
    lock.release();
  }
}
