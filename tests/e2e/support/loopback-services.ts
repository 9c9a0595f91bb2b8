// Real services on a loopback address for the end-to-end scans: what the findings and asset pages show
// comes from scanning them. Each listener binds one address of 127.0.0.0/8 only.
import http from "node:http";
import net from "node:net";

/** The address the services listen on: one per E2E_PORT, so parallel e2e runs on one machine never collide. */
export function servicesAddress(e2ePort: number): string {
  return `127.0.${(e2ePort % 250) + 1}.10`;
}

/** Ports the scan must cover for these services. */
export const SERVICE_PORTS = { http: 80, ssh: 8080, redis: 6379, unknown: 49999 } as const;

function listen(server: net.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
}

export async function startLoopbackServices(host: string): Promise<{ stop: () => Promise<void> }> {
  const servers: net.Server[] = [];
  // SSH on 8080, a port registered for HTTP: typical and detected differ.
  const ssh = net.createServer((socket) => {
    socket.on("error", () => undefined);
    socket.write("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n");
  });
  // Redis without a password: answers PING, and INFO with its version.
  const redis = net.createServer((socket) => {
    socket.on("error", () => undefined);
    socket.on("data", (data) => {
      const text = data.toString("latin1").toUpperCase();
      if (text.includes("INFO")) {
        const body = "# Server\r\nredis_version:7.2.4\r\nredis_mode:standalone\r\n";
        socket.write(`$${body.length}\r\n${body}\r\n`);
      } else if (text.includes("PING")) socket.write("+PONG\r\n");
      else socket.write("-ERR unknown command\r\n");
    });
  });
  // Plain HTTP that serves a page instead of redirecting to HTTPS.
  const web = http.createServer((_req, res) => {
    res.setHeader("Server", "nginx/1.24.0");
    res.setHeader("Content-Type", "text/html");
    res.end("<!doctype html><title>Shop</title><p>Welcome</p>");
  });
  // Something that talks but is no protocol the scanner knows, on an unassigned port.
  const unknown = net.createServer((socket) => {
    socket.on("error", () => undefined);
    socket.write("WELCOME TO THE LEGACY SERVICE v2\r\n");
  });
  await listen(ssh, host, SERVICE_PORTS.ssh);
  await listen(redis, host, SERVICE_PORTS.redis);
  await listen(web, host, SERVICE_PORTS.http);
  await listen(unknown, host, SERVICE_PORTS.unknown);
  servers.push(ssh, redis, web, unknown);
  return {
    stop: () => Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r())))).then(() => undefined),
  };
}
