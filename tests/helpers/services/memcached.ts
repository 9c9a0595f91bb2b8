/**
 * memcached: TCP on a non-standard port, UDP on the standard 11211 (the amplification risk the
 * scanner rates). UDP is only identified where a scanner sends the protocol's probe, which, as
 * with nmap, happens on the ports the protocol is registered for.
 */
import { join } from "node:path";
import { installedVersion } from "./run-command";
import { waitForTcp, waitForUdp } from "./readiness";
import type { ServiceDefinition } from "./types";

const TCP_PORT = 21211;
const UDP_PORT = 11211;

export const memcached: ServiceDefinition = {
  name: "memcached",
  endpoints: [
    { name: "memcached-tcp", protocol: "tcp" },
    { name: "memcached-udp", protocol: "udp" },
  ],
  hostOctet: 112,
  binaries: ["memcached"],
  packages: ["memcached"],
  async start({ dir, host, binary, spawn }) {
    const version = await installedVersion(binary("memcached"), ["-V"], /memcached (\S+)/);
    const server = spawn({
      label: "memcached",
      command: binary("memcached"),
      args: [
        "-l",
        host,
        "-p",
        String(TCP_PORT),
        "-U",
        String(UDP_PORT),
        "-u",
        "memcache",
        "-m",
        "16",
        "-t",
        "1",
        "-c",
        "128",
      ],
      logPath: join(dir, "memcached.log"),
    });
    await Promise.all([waitForTcp(server, host, TCP_PORT), waitForUdp(server, host, UDP_PORT)]);
    const expected = { detectedService: "memcache", product: "Memcached", version };
    return [
      { name: "memcached-tcp", host, port: TCP_PORT, protocol: "tcp", expected },
      { name: "memcached-udp", host, port: UDP_PORT, protocol: "udp", expected },
    ];
  },
};
