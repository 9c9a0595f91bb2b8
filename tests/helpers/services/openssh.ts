/** OpenSSH sshd on the standard port 22 of its own address (when free); host key generated per run. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { installedVersion, runCommand } from "./run-command";
import { firstFreePort } from "./port-choice";
import { waitForTcp } from "./readiness";
import type { ServiceDefinition } from "./types";

/** Standard port first; the fallback is for machines where a system sshd holds *:22. */
const PORTS = [22, 10022];

export const openssh: ServiceDefinition = {
  name: "openssh",
  endpoints: [{ name: "openssh", protocol: "tcp" }],
  hostOctet: 22,
  binaries: ["sshd", "ssh-keygen", "ssh"],
  packages: ["openssh-server"],
  async start({ dir, host, binary, spawn }) {
    const port = await firstFreePort(host, PORTS);
    const hostKey = join(dir, "ssh_host_ed25519_key");
    const [, version, versionRevision] = await Promise.all([
      runCommand(binary("ssh-keygen"), ["-q", "-t", "ed25519", "-N", "", "-C", "fixture", "-f", hostKey]),
      // sshd -V omits the portable suffix ("9.2"); the client prints what the server announces ("9.2p1").
      installedVersion(binary("ssh"), ["-V"], /OpenSSH_([^\s,]+)/),
      // Debian's package revision ("Debian-2+deb12u10"), announced by the server in the same words.
      installedVersion(binary("ssh"), ["-V"], /OpenSSH_\S+ ([^\s,]+),/),
    ]);
    // sshd insists on its compiled-in privilege-separation directory; the package normally creates it at boot.
    mkdirSync("/run/sshd", { recursive: true, mode: 0o755 });
    const config = join(dir, "sshd_config");
    writeFileSync(
      config,
      [
        `ListenAddress ${host}:${port}`,
        `HostKey ${hostKey}`,
        `PidFile ${join(dir, "sshd.pid")}`,
        "UsePAM no",
        "UseDNS no",
        "PermitRootLogin no",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "AuthorizedKeysFile none",
        "AllowTcpForwarding no",
        "X11Forwarding no",
        "",
      ].join("\n"),
    );
    // -D: stay in the foreground; -e: log to stderr (our log file) instead of syslog.
    const server = spawn({
      label: "sshd",
      command: binary("sshd"),
      args: ["-D", "-e", "-f", config],
      logPath: join(dir, "sshd.log"),
    });
    await waitForTcp(server, host, port);
    return [
      {
        name: "openssh",
        host,
        port,
        protocol: "tcp",
        expected: { detectedService: "ssh", product: "OpenSSH", version, versionRevision },
      },
    ];
  },
};
