/**
 * dnsmasq as an authoritative-only DNS server on port 53 (UDP and TCP) of its own address. It
 * never forwards: no resolv.conf, no upstream servers, and `.test` is declared local.
 */
import { join } from "node:path";
import { installedVersion } from "./run-command";
import { firstFreePort } from "./port-choice";
import { waitForTcp, waitForUdp } from "./readiness";
import type { ServiceDefinition } from "./types";

/** Standard port first; the fallback is for machines where a resolver holds *:53. */
const PORTS = [53, 10053];
/** A record the fixture serves, so tests can resolve a name through it. */
export const DNSMASQ_RECORD_NAME = "www.example.test";

export const dnsmasq: ServiceDefinition = {
  name: "dnsmasq",
  endpoints: [
    { name: "dnsmasq-udp", protocol: "udp" },
    { name: "dnsmasq-tcp", protocol: "tcp" },
  ],
  hostOctet: 53,
  binaries: ["dnsmasq"],
  packages: ["dnsmasq-base"],
  async start({ dir, host, binary, spawn }) {
    const port = await firstFreePort(host, PORTS, ["udp", "tcp"]);
    const version = await installedVersion(binary("dnsmasq"), ["-v"], /Dnsmasq version (\S+)/);
    const server = spawn({
      label: "dnsmasq",
      command: binary("dnsmasq"),
      args: [
        "--keep-in-foreground",
        "--conf-file=/dev/null",
        "--no-resolv",
        "--no-hosts",
        "--no-poll",
        "--bind-interfaces",
        `--listen-address=${host}`,
        `--port=${port}`,
        `--host-record=${DNSMASQ_RECORD_NAME},${host}`,
        "--local=/test/",
        `--pid-file=${join(dir, "dnsmasq.pid")}`,
        "--log-facility=-",
      ],
      logPath: join(dir, "dnsmasq.log"),
    });
    await Promise.all([waitForUdp(server, host, port), waitForTcp(server, host, port)]);
    // dnsmasq offers recursion (RA) to whoever it answers, even with no upstream configured here.
    const expected = { detectedService: "domain", product: "dnsmasq", version, facts: { recursionAvailable: true } };
    return [
      { name: "dnsmasq-udp", host, port, protocol: "udp", expected },
      { name: "dnsmasq-tcp", host, port, protocol: "tcp", expected },
    ];
  },
};
