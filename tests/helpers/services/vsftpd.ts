/** vsftpd standalone on a non-standard port: anonymous read-only into an empty directory. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "./run-command";
import { waitForTcp } from "./readiness";
import type { ServiceDefinition } from "./types";

const PORT = 2121;

async function vsftpdVersion(vsftpd: string): Promise<string> {
  // vsftpd writes its version to file descriptor 0 (the FTP control connection in inetd mode).
  const output = await runCommand("/bin/sh", ["-c", '"$0" -v 0>&1', vsftpd]);
  const version = /version (\S+)/.exec(output)?.[1];
  if (!version) throw new Error(`Cannot read the vsftpd version from ${JSON.stringify(output)}`);
  return version;
}

export const vsftpd: ServiceDefinition = {
  name: "vsftpd",
  endpoints: [{ name: "vsftpd", protocol: "tcp" }],
  hostOctet: 21,
  binaries: ["vsftpd", "openssl"],
  packages: ["vsftpd", "openssl"],
  async start({ dir, host, binary, spawn, certificate }) {
    const tls = await certificate();
    const version = await vsftpdVersion(binary("vsftpd"));
    const empty = join(dir, "empty");
    const anonRoot = join(dir, "anon");
    mkdirSync(empty);
    mkdirSync(anonRoot);
    const config = join(dir, "vsftpd.conf");
    writeFileSync(
      config,
      [
        "listen=YES",
        "listen_ipv6=NO",
        `listen_address=${host}`,
        `listen_port=${PORT}`,
        "background=NO",
        // vsftpd refuses to start with both local and anonymous logins off.
        "anonymous_enable=YES",
        `anon_root=${anonRoot}`,
        "no_anon_password=YES",
        "local_enable=NO",
        "write_enable=NO",
        // Active mode would make the server connect out to an address the client names.
        "port_enable=NO",
        "pasv_enable=YES",
        `pasv_address=${host}`,
        "xferlog_enable=NO",
        `secure_chroot_dir=${empty}`,
        `vsftpd_log_file=${join(dir, "vsftpd-transfers.log")}`,
        // Per-session namespaces and seccomp are not available in every container runtime.
        "seccomp_sandbox=NO",
        "isolate=NO",
        "isolate_network=NO",
        // AUTH TLS offered, not required (anonymous sessions stay plain).
        "ssl_enable=YES",
        "allow_anon_ssl=YES",
        "force_local_logins_ssl=NO",
        "force_local_data_ssl=NO",
        "require_ssl_reuse=NO",
        `rsa_cert_file=${tls.certPath}`,
        `rsa_private_key_file=${tls.keyPath}`,
        "",
      ].join("\n"),
    );
    const server = spawn({
      label: "vsftpd",
      command: binary("vsftpd"),
      args: [config],
      logPath: join(dir, "vsftpd.log"),
      stdinToLog: true,
    });
    await waitForTcp(server, host, PORT);
    return [
      {
        name: "vsftpd",
        host,
        port: PORT,
        protocol: "tcp",
        expected: { detectedService: "ftp", product: "vsftpd", version, starttls: true },
      },
    ];
  },
};
