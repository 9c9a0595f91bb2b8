/** Redis on a non-standard port, no persistence; INFO answers without authentication. */
import { join } from "node:path";
import { installedVersion } from "./run-command";
import { waitForTcp } from "./readiness";
import type { ServiceDefinition } from "./types";

const PORT = 16379;

export const redis: ServiceDefinition = {
  name: "redis",
  endpoints: [{ name: "redis", protocol: "tcp" }],
  hostOctet: 63,
  binaries: ["redis-server"],
  packages: ["redis-server"],
  async start({ dir, host, binary, spawn }) {
    const version = await installedVersion(binary("redis-server"), ["--version"], /v=(\S+)/);
    const server = spawn({
      label: "redis-server",
      command: binary("redis-server"),
      args: [
        "--bind",
        host,
        "--port",
        String(PORT),
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        dir,
        "--daemonize",
        "no",
        "--logfile",
        "",
        "--pidfile",
        join(dir, "redis.pid"),
      ],
      logPath: join(dir, "redis.log"),
    });
    await waitForTcp(server, host, PORT);
    return [
      {
        name: "redis",
        host,
        port: PORT,
        protocol: "tcp",
        expected: { detectedService: "redis", product: "Redis", version, facts: { unauthenticatedAccess: true } },
      },
    ];
  },
};
