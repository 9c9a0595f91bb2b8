/**
 * Samba's smbd as a standalone file server, SMB2 and later only, no NetBIOS
 * name service and no RPC helpers: what an exposed SMB port answers to NEGOTIATE (the dialect) and to
 * an NTLMSSP SESSION_SETUP (the names it gives itself). Samba states no Windows build, so no operating
 * system is expected.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { firstFreePort } from "./port-choice";
import { waitForTcp } from "./readiness";
import type { ServiceDefinition } from "./types";

/**
 * The standard port first: on other ports SMB's probe comes late, and smbd answers the earlier probes
 * with silence (it reads their bytes as the length of a huge frame), so each one waits out its timeout.
 */
const PORTS = [445, 14445, 14446];
/** smbd binds only to addresses of real interfaces, so it cannot have the run's own 127.x.y.z address. */
const HOST = "127.0.0.1";
const NETBIOS_NAME = "PORTWATCHSMB";

export const samba: ServiceDefinition = {
  name: "samba",
  endpoints: [{ name: "samba", protocol: "tcp" }],
  hostOctet: 139,
  binaries: ["smbd"],
  packages: ["samba"],
  async start({ dir, binary, spawn }) {
    const host = HOST;
    const port = await firstFreePort(host, PORTS);
    const paths = ["private", "lock", "state", "cache", "pid", "ncalrpc", "share"].map((name) => join(dir, name));
    await Promise.all(paths.map((path) => mkdir(path, { recursive: true })));
    const [privateDir, lockDir, stateDir, cacheDir, pidDir, ncalrpcDir, shareDir] = paths;
    const config = join(dir, "smb.conf");
    await writeFile(
      config,
      [
        "[global]",
        `netbios name = ${NETBIOS_NAME}`,
        "workgroup = PORTWATCH",
        "server role = standalone server",
        "interfaces = 127.0.0.1/8",
        "bind interfaces only = yes",
        `smb ports = ${port}`,
        "disable netbios = yes",
        "server min protocol = SMB2_02",
        "rpc start on demand helpers = no",
        "load printers = no",
        "printcap name = /dev/null",
        "disable spoolss = yes",
        `private dir = ${privateDir}`,
        `lock directory = ${lockDir}`,
        `state directory = ${stateDir}`,
        `cache directory = ${cacheDir}`,
        `pid directory = ${pidDir}`,
        `ncalrpc dir = ${ncalrpcDir}`,
        `log file = ${join(dir, "smbd.log")}`,
        "log level = 1",
        "",
        "[share]",
        `path = ${shareDir}`,
        "read only = yes",
        "",
      ].join("\n"),
    );
    const server = spawn({
      label: "smbd",
      command: binary("smbd"),
      args: ["--foreground", "--no-process-group", "--debug-stdout", `--configfile=${config}`],
      cwd: dir,
      logPath: join(dir, "smbd.stdout.log"),
    });
    await waitForTcp(server, host, port);
    return [
      {
        name: "samba",
        host,
        port,
        protocol: "tcp",
        expected: {
          detectedService: "microsoft-ds",
          // The DNS name smbd states is the machine's own hostname: not compared.
          facts: { protocolVersion: "3.0.2", domainName: NETBIOS_NAME, operatingSystem: undefined },
        },
      },
    ];
  },
};
