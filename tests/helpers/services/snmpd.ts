/**
 * Net-SNMP agent on the standard UDP port 161 of its own address (UDP scanners send the SNMP probe
 * to SNMP's registered ports only), read-only community `public` for loopback clients. Its
 * sysObjectID names Net-SNMP; nothing it answers states the agent's version.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { firstFreePort } from "./port-choice";
import { waitForUdp } from "./readiness";
import type { ServiceDefinition } from "./types";

/** Standard port first; the fallback is for machines where a system snmpd holds *:161. */
const PORTS = [161, 16161];

export const snmpd: ServiceDefinition = {
  name: "snmpd",
  endpoints: [{ name: "snmpd", protocol: "udp" }],
  hostOctet: 161,
  binaries: ["snmpd"],
  packages: ["snmpd"],
  async start({ dir, host, binary, spawn }) {
    const port = await firstFreePort(host, PORTS, ["udp"]);
    const persistent = join(dir, "persist");
    mkdirSync(persistent);
    const config = join(dir, "snmpd.conf");
    writeFileSync(
      config,
      [
        `agentaddress udp:${host}:${port}`,
        "rocommunity public 127.0.0.0/8",
        "sysLocation Portwatch test fixture",
        "sysContact fixture@example.test",
        "",
      ].join("\n"),
    );
    const server = spawn({
      label: "snmpd",
      command: binary("snmpd"),
      // -C: ignore /etc/snmp; -I -smux: no SMUX listener on 127.0.0.1:199; -Lo: log to stdout.
      args: ["-f", "-Lo", "-C", "-c", config, "-I", "-smux", "-p", join(dir, "snmpd.pid")],
      env: {
        SNMP_PERSISTENT_DIR: persistent,
        // The agent needs no MIB text files; without this it logs hundreds of lookup failures.
        MIBS: "",
        MIBDIRS: join(dir, "no-mibs"),
      },
      logPath: join(dir, "snmpd.log"),
    });
    await waitForUdp(server, host, port);
    return [{ name: "snmpd", host, port, protocol: "udp", expected: { detectedService: "snmp", product: "Net-SNMP" } }];
  },
};
