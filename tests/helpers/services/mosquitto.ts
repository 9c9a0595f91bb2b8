/**
 * Mosquitto MQTT broker on a non-standard port with its 2.x default of refusing anonymous
 * clients. A CONNACK names neither product nor version, so only the service is expected.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { waitForTcp } from "./readiness";
import type { ServiceDefinition } from "./types";

const PORT = 11883;

export const mosquitto: ServiceDefinition = {
  name: "mosquitto",
  endpoints: [{ name: "mosquitto", protocol: "tcp" }],
  hostOctet: 183,
  binaries: ["mosquitto"],
  packages: ["mosquitto"],
  async start({ dir, host, binary, spawn }) {
    const config = join(dir, "mosquitto.conf");
    writeFileSync(config, [`listener ${PORT} ${host}`, "persistence false", "log_dest stderr", ""].join("\n"));
    const server = spawn({ label: "mosquitto", command: binary("mosquitto"), args: ["-c", config], logPath: join(dir, "mosquitto.log") });
    await waitForTcp(server, host, PORT);
    return [{ name: "mosquitto", host, port: PORT, protocol: "tcp", expected: { detectedService: "mqtt" } }];
  },
};
