/**
 * Mosquitto MQTT broker on two non-standard ports: one with its 2.x default of refusing anonymous
 * clients (a CONNACK names neither product nor version), one that accepts them, where the broker's
 * retained `$SYS/broker/version` gives product and version.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { installedVersion } from "./run-command";
import { waitForTcp } from "./readiness";
import type { ServiceDefinition } from "./types";

const PORT = 11883;
const ANONYMOUS_PORT = 11884;

export const mosquitto: ServiceDefinition = {
  name: "mosquitto",
  endpoints: [
    { name: "mosquitto", protocol: "tcp" },
    { name: "mosquitto-anonymous", protocol: "tcp" },
  ],
  hostOctet: 183,
  binaries: ["mosquitto"],
  packages: ["mosquitto"],
  async start({ dir, host, binary, spawn }) {
    // `mosquitto -h` prints its version, then exits with status 3.
    const version = await installedVersion(
      "/bin/sh",
      ["-c", '"$0" -h; exit 0', binary("mosquitto")],
      /mosquitto version (\S+)/,
    );
    const config = join(dir, "mosquitto.conf");
    writeFileSync(
      config,
      [
        "per_listener_settings true",
        "persistence false",
        "log_dest stderr",
        `listener ${PORT} ${host}`,
        `listener ${ANONYMOUS_PORT} ${host}`,
        "allow_anonymous true",
        "",
      ].join("\n"),
    );
    const server = spawn({
      label: "mosquitto",
      command: binary("mosquitto"),
      args: ["-c", config],
      logPath: join(dir, "mosquitto.log"),
    });
    await Promise.all([waitForTcp(server, host, PORT), waitForTcp(server, host, ANONYMOUS_PORT)]);
    return [
      {
        name: "mosquitto",
        host,
        port: PORT,
        protocol: "tcp",
        expected: { detectedService: "mqtt", facts: { unauthenticatedAccess: false } },
      },
      {
        name: "mosquitto-anonymous",
        host,
        port: ANONYMOUS_PORT,
        protocol: "tcp",
        expected: { detectedService: "mqtt", product: "Mosquitto", version, facts: { unauthenticatedAccess: true } },
      },
    ];
  },
};
