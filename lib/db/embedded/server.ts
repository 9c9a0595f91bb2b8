import fs from "node:fs";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { listBackups, takeBackup } from "./backups";
import { acquireDataDirLock, type DataDirLock } from "./lock";
import { gatedFront } from "./session-gate";

/**
 * The embedded database served over the PostgreSQL wire protocol: PGlite runs in exactly one process
 * (the holder of the data directory's lock) and everything else — the app, the executor, the
 * migrator, scripts, psql — connects to it with an ordinary PostgreSQL client.
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  dataDir: string | null;
  /** The backup taken at this start, if any. */
  backup: string | null;
  stop(): Promise<void>;
}

/** Up to this many clients at once; the session gate lets one of them use PGlite at a time. */
const MAX_CONNECTIONS = 1000;

export class EmbeddedDatabaseUnreadableError extends Error {
  constructor(
    readonly dataDir: string,
    cause: unknown,
  ) {
    super(unreadableMessage(dataDir, cause));
    this.name = "EmbeddedDatabaseUnreadableError";
  }
}

function unreadableMessage(dataDir: string, cause: unknown): string {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const [newest] = listBackups(dataDir);
  const aside = `${dataDir}.damaged-${new Date().toISOString().slice(0, 10)}`;
  const restore = newest
    ? `To continue with the data as it was at the newest automatic backup (${newest}), move the damaged directory aside and restore it: ` +
      `\`mv ${dataDir} ${aside} && npm run db:restore\` (\`npm run db:restore -- <file>\` restores an older one from the same folder).`
    : `There is no automatic backup of it yet: move it aside (\`mv ${dataDir} ${aside}\`) to start with an empty database, and keep the copy for recovery.`;
  return (
    `The embedded database in ${dataDir} could not be opened: PostgreSQL stopped while reading it (${reason}). ` +
    `This happens when the directory was damaged, for example by two programs running a database on it at once or by a full disk. ` +
    `Nothing has been deleted. ${restore}`
  );
}

async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<PGlite> {
  const db = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}) });
  await db.waitReady;
  return db;
}

function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

interface Served {
  url: string;
  port: number;
  close(): Promise<void>;
}

async function serve(db: PGlite, host: string, port: number): Promise<Served> {
  const inner = await innerServer(db);
  const front = gatedFront(Number(inner.getServerConn().split(":").pop()));
  let actual: number;
  try {
    actual = await listen(front.server, port, host);
  } catch (err) {
    await inner.stop();
    throw err;
  }
  return {
    url: `postgres://postgres:postgres@${host.includes(":") ? `[${host}]` : host}:${actual}/postgres`,
    port: actual,
    async close() {
      const closed = new Promise<void>((resolve) => front.server.close(() => resolve()));
      front.dropConnections();
      await closed;
      await inner.stop();
      // Handlers detached by stop() roll back an open transaction asynchronously: let them finish
      // before the database closes.
      await new Promise((resolve) => setTimeout(resolve, 50));
    },
  };
}

async function innerServer(db: PGlite): Promise<PGLiteSocketServer> {
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: MAX_CONNECTIONS });
  // start() never settles when listen fails (it only dispatches an "error" event): race the two.
  await new Promise<void>((resolve, reject) => {
    const onError = (event: Event) => reject((event as CustomEvent<Error>).detail);
    server.addEventListener("error", onError, { once: true });
    server.start().then(() => {
      server.removeEventListener("error", onError);
      resolve();
    }, reject);
  });
  return server;
}

export interface StartOptions {
  dataDir: string;
  /** Preferred port; when it is taken another free one is used (the lock file records it). 0 = any. */
  port?: number;
  host?: string;
  /** Take an automatic backup before serving (the app's start does; short-lived script owners don't). */
  backup?: boolean;
  log?: (message: string) => void;
}

/**
 * Takes the data directory's lock, opens it, optionally backs it up, and serves it on loopback.
 * Throws DataDirLockedError when another live process owns the directory and
 * EmbeddedDatabaseUnreadableError (one readable paragraph) when PostgreSQL cannot open it.
 */
export async function startEmbeddedDatabase(options: StartOptions): Promise<EmbeddedDatabase> {
  const { dataDir, host = "127.0.0.1", log = () => undefined } = options;
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  let db: PGlite | undefined;
  try {
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      db = await openPglite(dataDir);
    } catch (err) {
      throw new EmbeddedDatabaseUnreadableError(dataDir, err);
    }
    const backup = options.backup ? await takeBackup(db, dataDir) : null;
    let port = options.port ?? 0;
    if (port !== 0 && !(await portIsFree(port, host))) {
      log(`port ${port} is taken; the embedded database listens on another free port (set PGLITE_PORT to choose one)`);
      port = 0;
    }
    const server = await serve(db, host, port);
    const { url, port: actual } = server;
    lock.publish(url);
    const opened = db;
    let stopping: Promise<void> | undefined;
    return {
      url,
      port: actual,
      dataDir,
      backup,
      stop: () =>
        (stopping ??= (async () => {
          try {
            await server.close();
            await opened.close();
          } finally {
            lock.release();
          }
        })()),
    };
  } catch (err) {
    if (db && !db.closed) await db.close().catch(() => undefined);
    lock.release();
    throw err;
  }
}

/**
 * A throwaway in-memory database served the same way (tests, benchmarks, schema diffs): optionally
 * loaded from a PGlite dump, on any free loopback port, gone when stopped.
 */
export async function startScratchDatabase(options: { loadDataDir?: Blob } = {}): Promise<EmbeddedDatabase> {
  const db = await openPglite(null, options.loadDataDir);
  const server = await serve(db, "127.0.0.1", 0);
  const { url, port } = server;
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    dataDir: null,
    backup: null,
    stop: () =>
      (stopping ??= (async () => {
        await server.close();
        await db.close();
      })()),
  };
}
