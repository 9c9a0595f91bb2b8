/**
 * OpenLDAP slapd on the standard port 389 of its own address (when free), configured with a minimal
 * slapd.conf (one MDB database). Its root DSE carries the OpenLDAProotDSE object class.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { firstFreePort } from "./port-choice";
import { waitForTcp } from "./readiness";
import type { ServiceDefinition } from "./types";

/** Standard port first; the fallback is for machines where a packaged slapd holds *:389. */
const PORTS = [389, 10389];
const SCHEMA = "/etc/ldap/schema/core.schema";
const MODULES = "/usr/lib/ldap";

export const openldap: ServiceDefinition = {
  name: "openldap",
  endpoints: [{ name: "openldap", protocol: "tcp" }],
  hostOctet: 189,
  binaries: ["slapd", "openssl"],
  packages: ["slapd", "openssl"],
  async start({ dir, host, binary, spawn, certificate }) {
    const tls = await certificate();
    const port = await firstFreePort(host, PORTS);
    const data = join(dir, "data");
    mkdirSync(data);
    const config = join(dir, "slapd.conf");
    writeFileSync(
      config,
      `include ${SCHEMA}
pidfile ${join(dir, "slapd.pid")}
argsfile ${join(dir, "slapd.args")}
TLSCertificateFile ${tls.certPath}
TLSCertificateKeyFile ${tls.keyPath}
modulepath ${MODULES}
moduleload back_mdb
database mdb
maxsize 16777216
suffix "dc=example,dc=test"
rootdn "cn=admin,dc=example,dc=test"
rootpw ${randomBytes(18).toString("base64url")}
directory ${data}
`,
    );
    // -d 0: stay in the foreground (any -d disables detaching) without debug chatter.
    const server = spawn({
      label: "slapd",
      command: binary("slapd"),
      args: ["-f", config, "-h", `ldap://${host}:${port}/`, "-d", "0"],
      logPath: join(dir, "slapd.log"),
    });
    await waitForTcp(server, host, port);
    return [
      {
        name: "openldap",
        host,
        port,
        protocol: "tcp",
        expected: { detectedService: "ldap", product: "OpenLDAP", starttls: true },
      },
    ];
  },
};
