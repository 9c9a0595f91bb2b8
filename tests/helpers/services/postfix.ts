/**
 * Postfix SMTP as a standalone instance (own config, queue and data directories) on a
 * non-standard port. Nothing can leave the machine: every transport is `error`, all recipients
 * are rejected, and no DNS lookups are made (the machine's resolver is off-machine).
 */
import { chownSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { waitForTcp } from "./readiness";
import { systemUser } from "./system-users";
import type { ServiceDefinition } from "./types";

const PORT = 2525;
const NO_OUTBOUND = "error:outbound mail is disabled in the Portwatch test fixture";

function mainCf(dir: string, tls: { certPath: string; keyPath: string }): string {
  return `compatibility_level = 3.6
myhostname = mail.example.test
mydomain = example.test
myorigin = $myhostname
mydestination =
# Postfix checks inet_interfaces against configured interface addresses, and only 127.0.0.1 is
# configured; the SMTP listener itself is bound to the fixture address in master.cf.
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
queue_directory = ${join(dir, "spool")}
data_directory = ${join(dir, "data")}
mail_owner = postfix
setgid_group = postdrop
maillog_file = /dev/stdout
smtpd_peername_lookup = no
smtp_dns_support_level = disabled
lmtp_dns_support_level = disabled
default_transport = ${NO_OUTBOUND}
relay_transport = ${NO_OUTBOUND}
local_transport = ${NO_OUTBOUND}
smtpd_relay_restrictions = reject
smtpd_recipient_restrictions = reject
alias_maps =
alias_database =
local_recipient_maps =
biff = no
smtpd_tls_security_level = may
smtpd_tls_cert_file = ${tls.certPath}
smtpd_tls_key_file = ${tls.keyPath}
smtpd_tls_session_cache_database =
`;
}

function masterCf(host: string): string {
  // Only the daemons an SMTP session needs; no outbound smtp/lmtp clients at all.
  return `${host}:${PORT} inet n - n - - smtpd
cleanup   unix  n - n - 0 cleanup
qmgr      unix  n - n 300 1 qmgr
rewrite   unix  - - n - - trivial-rewrite
bounce    unix  - - n - 0 bounce
defer     unix  - - n - 0 bounce
trace     unix  - - n - 0 bounce
verify    unix  - - n - 1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n - - proxymap
showq     unix  n - n - - showq
error     unix  - - n - - error
retry     unix  - - n - - error
discard   unix  - - n - - discard
anvil     unix  - - n - 1 anvil
scache    unix  - - n - 1 scache
postlog   unix-dgram n - n - 1 postlogd
tlsmgr    unix  - - n 1000? 1 tlsmgr
`;
}

export const postfix: ServiceDefinition = {
  name: "postfix",
  endpoints: [{ name: "postfix-smtp", protocol: "tcp" }],
  hostOctet: 25,
  binaries: ["postfix", "openssl"],
  packages: ["postfix", "openssl"],
  async start({ dir, host, binary, spawn, certificate }) {
    const tls = await certificate();
    const etc = join(dir, "etc");
    mkdirSync(etc);
    mkdirSync(join(dir, "spool"));
    mkdirSync(join(dir, "data"));
    const owner = systemUser("postfix");
    chownSync(join(dir, "data"), owner.uid, owner.gid);
    writeFileSync(join(etc, "main.cf"), mainCf(dir, tls));
    writeFileSync(join(etc, "master.cf"), masterCf(host));
    // start-fg keeps master in the foreground and, with maillog_file, logs to our file.
    const server = spawn({
      label: "postfix",
      command: binary("postfix"),
      args: ["-c", etc, "start-fg"],
      logPath: join(dir, "postfix.log"),
    });
    await waitForTcp(server, host, PORT);
    // The banner does not state a version (Debian's default smtpd_banner). EHLO offers STARTTLS.
    // 2525 is a submission relay port (docs/typical-services.md): SMTP found there takes that name.
    return [
      {
        name: "postfix-smtp",
        host,
        port: PORT,
        protocol: "tcp",
        expected: { detectedService: "submission", product: "Postfix", starttls: true },
      },
    ];
  },
};
