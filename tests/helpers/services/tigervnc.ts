/**
 * TigerVNC's Xvnc (a headless X server with a VNC front end) on a non-standard port, offering security
 * type None: the case that makes an exposed VNC server critical. No X11 TCP listener, no clients.
 */
import { join } from "node:path";
import { firstFreePort } from "./port-choice";
import { waitForTcp } from "./readiness";
import type { ServiceDefinition } from "./types";

const PORTS = [15901, 15902];

export const tigervnc: ServiceDefinition = {
  name: "tigervnc",
  endpoints: [{ name: "tigervnc", protocol: "tcp" }],
  hostOctet: 59,
  binaries: ["Xtigervnc"],
  packages: ["tigervnc-standalone-server"],
  async start({ dir, host, binary, spawn }) {
    const port = await firstFreePort(host, PORTS);
    // A display number of our own: Xvnc keeps a lock file and a unix socket per display.
    const display = `:${100 + (process.pid % 400)}`;
    const server = spawn({
      label: "Xtigervnc",
      command: binary("Xtigervnc"),
      args: [
        display,
        "-rfbport",
        String(port),
        "-interface",
        host,
        "-SecurityTypes",
        "None",
        "-nolisten",
        "tcp",
        "-localhost",
        "no",
        "-geometry",
        "320x200",
        "-AlwaysShared",
      ],
      cwd: dir,
      logPath: join(dir, "xvnc.log"),
    });
    await waitForTcp(server, host, port);
    return [
      {
        name: "tigervnc",
        host,
        port,
        protocol: "tcp",
        expected: {
          detectedService: "rfb",
          facts: { unauthenticatedAccess: true, authenticationMethods: ["None"], protocolVersion: "3.8" },
        },
      },
    ];
  },
};
