/** Dovecot IMAP and POP3, plain and implicit TLS; two of the four on their standard ports. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { firstFreePort } from "./port-choice";
import { waitForTcp } from "./readiness";
import type { ServiceDefinition, TestService } from "./types";

/** imaps and pop3 on their standard ports when free (a packaged dovecot may hold *:993 and *:110). */
const PORT_CHOICES = { imap: [10143], imaps: [993, 10993], pop3: [110, 10110], pop3s: [10995] } as const;
type MailService = keyof typeof PORT_CHOICES;
/** Debian ships DH parameters; without them DHE cipher suites fail at handshake time. */
const DEBIAN_DH = "/usr/share/dovecot/dh.pem";

export const dovecot: ServiceDefinition = {
  name: "dovecot",
  endpoints: [
    { name: "dovecot-imap", protocol: "tcp" },
    { name: "dovecot-imaps", protocol: "tcp" },
    { name: "dovecot-pop3", protocol: "tcp" },
    { name: "dovecot-pop3s", protocol: "tcp" },
  ],
  hostOctet: 143,
  binaries: ["dovecot", "openssl"],
  packages: ["dovecot-imapd", "dovecot-pop3d", "openssl"],
  async start({ dir, host, binary, spawn, certificate }) {
    const { certPath, keyPath } = await certificate();
    const ports: Record<MailService, number> = {
      imap: await firstFreePort(host, PORT_CHOICES.imap),
      imaps: await firstFreePort(host, PORT_CHOICES.imaps),
      pop3: await firstFreePort(host, PORT_CHOICES.pop3),
      pop3s: await firstFreePort(host, PORT_CHOICES.pop3s),
    };
    const passwd = join(dir, "passwd");
    writeFileSync(passwd, ""); // no accounts: logins fail, greetings and capabilities still work
    mkdirSync(join(dir, "run"));
    mkdirSync(join(dir, "state"));
    const config = join(dir, "dovecot.conf");
    writeFileSync(
      config,
      `base_dir = ${join(dir, "run")}
state_dir = ${join(dir, "state")}
instance_name = portwatch-fixture
protocols = imap pop3
listen = ${host}
ssl = yes
ssl_cert = <${certPath}
ssl_key = <${keyPath}
${existsSync(DEBIAN_DH) ? `ssl_dh = <${DEBIAN_DH}` : ""}
log_path = /dev/stderr
auth_mechanisms = plain
passdb {
  driver = passwd-file
  args = ${passwd}
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${join(dir, "home")}/%u
}
mail_location = maildir:${join(dir, "mail")}/%u
service imap-login {
  inet_listener imap {
    port = ${ports.imap}
  }
  inet_listener imaps {
    port = ${ports.imaps}
    ssl = yes
  }
}
service pop3-login {
  inet_listener pop3 {
    port = ${ports.pop3}
  }
  inet_listener pop3s {
    port = ${ports.pop3s}
    ssl = yes
  }
}
`,
    );
    const server = spawn({
      label: "dovecot",
      command: binary("dovecot"),
      args: ["-F", "-c", config],
      logPath: join(dir, "dovecot.log"),
    });
    await Promise.all(Object.values(ports).map((port) => waitForTcp(server, host, port)));
    // Greetings say "Dovecot (Debian) ready." without a version.
    const endpoint = (service: MailService): TestService => ({
      name: `dovecot-${service}`,
      host,
      port: ports[service],
      protocol: "tcp",
      // The plain listeners offer STARTTLS (STLS for POP3) with the same certificate.
      expected: {
        detectedService: service,
        product: "Dovecot",
        ...(service === "imap" || service === "pop3" ? { starttls: true as const } : {}),
      },
    });
    return [endpoint("imap"), endpoint("imaps"), endpoint("pop3"), endpoint("pop3s")];
  },
};
