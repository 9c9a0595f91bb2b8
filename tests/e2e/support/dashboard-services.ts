// Loopback services behind `dash.example.test` for the dashboard tests: real sockets the scanner finds,
// identifies and grades, chosen so every column of the asset page has something to show.
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import path from "node:path";

export const DASHBOARD_PORTS = {
  ssh: 2222,
  sshOnHttpAlt: 8080,
  httpRedirect: 8000,
  https: 8443,
  silent: 40001,
} as const;

/**
 * A loopback address of its own per test server (derived from its port), so two e2e runs on one
 * machine do not compete for the same service ports.
 */
export function dashboardAddress(e2ePort: number, host = 7): string {
  return `127.0.${(e2ePort % 250) + 1}.${host}`;
}

function listen(server: net.Server, ip: string, port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, ip, () => resolve(server));
  });
}

function sshBanner(): net.Server {
  return net.createServer((socket) => {
    socket.on("error", () => undefined);
    socket.end("SSH-2.0-OpenSSH_9.6 Portwatch-e2e\r\n");
  });
}

export async function startDashboardServices(ip: string): Promise<{ stop(): Promise<void> }> {
  const tls = path.resolve("tests/fixtures/tls");
  const servers = await Promise.all([
    // SSH where SSH is typical, and SSH on 8080 where HTTP is typical: a mismatch.
    listen(sshBanner(), ip, DASHBOARD_PORTS.ssh),
    listen(sshBanner(), ip, DASHBOARD_PORTS.sshOnHttpAlt),
    // Plain HTTP that only redirects to HTTPS.
    listen(
      http.createServer((_req, res) => {
        res.writeHead(301, { Location: `https://dash.example.test:${DASHBOARD_PORTS.https}/`, Server: "nginx/1.26.0" });
        res.end();
      }),
      ip,
      DASHBOARD_PORTS.httpRedirect,
    ),
    // HTTPS with the self-signed test certificate: the evidence panel shows its subject and issuer.
    listen(
      https.createServer(
        {
          key: fs.readFileSync(path.join(tls, "self-signed.key")),
          cert: fs.readFileSync(path.join(tls, "self-signed.crt")),
        },
        (_req, res) => {
          res.writeHead(200, { "Content-Type": "text/html", Server: "nginx/1.26.0" });
          res.end("<!doctype html><title>dash</title>");
        },
      ),
      ip,
      DASHBOARD_PORTS.https,
    ),
    // Accepts and never answers, on an unassigned port: Pending classification.
    listen(
      net.createServer((socket) => socket.on("error", () => undefined)),
      ip,
      DASHBOARD_PORTS.silent,
    ),
  ]);
  return {
    stop: () =>
      Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())))).then(() => undefined),
  };
}
