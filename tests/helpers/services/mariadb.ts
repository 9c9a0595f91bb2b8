/**
 * MariaDB initialised into a temp datadir (normal grant tables, root by unix socket only) and
 * run as the `mysql` user on a non-standard port. A password-protected network account exists,
 * as on any MariaDB reachable over TCP: without one the server refuses every remote host with
 * error 1130 before the handshake, and the handshake is what states the version.
 */
import { chownSync, mkdirSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { installedVersion, runCommand } from "./run-command";
import { waitForTcp } from "./readiness";
import { systemUser } from "./system-users";
import { privateKeyCopy } from "./tls-certificate";
import type { ServiceDefinition } from "./types";

const PORT = 13306;
/** Small InnoDB files keep initialisation around a second. */
const SMALL_INNODB = ["--innodb-buffer-pool-size=16M", "--innodb-log-file-size=4M"];

export const mariadb: ServiceDefinition = {
  name: "mariadb",
  endpoints: [{ name: "mariadb", protocol: "tcp" }],
  hostOctet: 33,
  binaries: ["mariadbd", "mariadb-install-db", "openssl"],
  packages: ["mariadb-server", "openssl"],
  async start({ dir, host, binary, spawn, certificate }) {
    const tls = await certificate();
    const data = join(dir, "data");
    const run = join(dir, "run");
    const temp = join(dir, "tmp");
    const mysql = systemUser("mysql");
    for (const d of [run, temp]) {
      mkdirSync(d);
      chownSync(d, mysql.uid, mysql.gid);
    }
    const [version] = await Promise.all([
      installedVersion(binary("mariadbd"), ["--version"], /Ver (\d+\.\d+\.\d+)-MariaDB/),
      runCommand(binary("mariadb-install-db"), [
        "--no-defaults",
        `--datadir=${data}`,
        "--user=mysql",
        "--auth-root-authentication-method=socket",
        "--skip-test-db",
        "--skip-name-resolve",
        ...SMALL_INNODB,
      ]),
    ]);
    const initFile = join(run, "init.sql");
    writeFileSync(
      initFile,
      `CREATE USER IF NOT EXISTS 'portwatch'@'%' IDENTIFIED BY '${randomBytes(18).toString("hex")}';\n`,
    );
    chownSync(initFile, mysql.uid, mysql.gid);
    const server = spawn({
      label: "mariadbd",
      command: binary("mariadbd"),
      args: [
        "--no-defaults",
        `--datadir=${data}`,
        `--socket=${join(run, "mysqld.sock")}`,
        `--pid-file=${join(run, "mysqld.pid")}`,
        `--tmpdir=${temp}`,
        `--bind-address=${host}`,
        `--port=${PORT}`,
        "--user=mysql",
        "--skip-name-resolve",
        "--skip-log-bin",
        "--performance-schema=OFF",
        // Probes that hang up mid-handshake count as connect errors; do not let them block the host.
        "--max-connect-errors=1000000",
        `--init-file=${initFile}`,
        `--ssl-cert=${tls.certPath}`,
        `--ssl-key=${privateKeyCopy(tls.keyPath, run, mysql)}`,
        ...SMALL_INNODB,
      ],
      logPath: join(dir, "mariadbd.log"),
    });
    await waitForTcp(server, host, PORT);
    return [
      {
        name: "mariadb",
        host,
        port: PORT,
        protocol: "tcp",
        expected: { detectedService: "mysql", product: "MariaDB", version, starttls: true },
      },
    ];
  },
};
