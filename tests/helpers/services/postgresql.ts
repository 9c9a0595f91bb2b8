/**
 * PostgreSQL cluster initialised into a temp dir and run as the `postgres` user on a
 * non-standard port with password (SCRAM) authentication, as production servers are: the
 * pre-authentication protocol therefore names no version.
 */
import { chownSync, mkdirSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { runCommand } from "./run-command";
import { waitForTcp } from "./readiness";
import { systemUser } from "./system-users";
import { privateKeyCopy } from "./tls-certificate";
import type { ServiceDefinition } from "./types";

const PORT = 15432;

export const postgresql: ServiceDefinition = {
  name: "postgresql",
  endpoints: [{ name: "postgresql", protocol: "tcp" }],
  hostOctet: 54,
  binaries: ["postgres", "initdb", "openssl"],
  packages: ["postgresql", "openssl"],
  async start({ dir, host, binary, spawn, certificate }) {
    const tls = await certificate();
    const owner = systemUser("postgres");
    chownSync(dir, owner.uid, owner.gid);
    const data = join(dir, "data");
    const sockets = join(dir, "sockets");
    mkdirSync(sockets);
    chownSync(sockets, owner.uid, owner.gid);
    const passwordFile = join(dir, "superuser-password");
    writeFileSync(passwordFile, `${randomBytes(18).toString("base64url")}\n`, { mode: 0o600 });
    chownSync(passwordFile, owner.uid, owner.gid);
    await runCommand(
      binary("initdb"),
      [
        "-D",
        data,
        "-U",
        "postgres",
        "--auth=scram-sha-256",
        `--pwfile=${passwordFile}`,
        "-E",
        "UTF8",
        "--no-sync",
        "--no-instructions",
      ],
      { user: "postgres", cwd: dir },
    );
    const server = spawn({
      label: "postgres",
      command: binary("postgres"),
      args: [
        "-D",
        data,
        "-k",
        sockets,
        "-h",
        host,
        "-p",
        String(PORT),
        "-c",
        "fsync=off",
        "-c",
        "shared_buffers=16MB",
        "-c",
        "logging_collector=off",
        "-c",
        "ssl=on",
        "-c",
        `ssl_cert_file=${tls.certPath}`,
        "-c",
        `ssl_key_file=${privateKeyCopy(tls.keyPath, dir, owner)}`,
      ],
      cwd: dir,
      user: "postgres",
      logPath: join(dir, "postgres.log"),
    });
    await waitForTcp(server, host, PORT);
    return [
      {
        name: "postgresql",
        host,
        port: PORT,
        protocol: "tcp",
        expected: { detectedService: "postgresql", product: "PostgreSQL", starttls: true },
      },
    ];
  },
};
