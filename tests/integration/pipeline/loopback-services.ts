import net from "node:net";

/** Kinds of loopback listeners a simulated host runs. */
export type ServiceKind = "ssh" | "http" | "silent";

export interface LoopbackService {
  ip: string;
  port: number;
  kind: ServiceKind;
}

/**
 * A TCP listener on a loopback address: an SSH greeting, a minimal HTTP server, or a port that
 * accepts and never answers (detection waits for its timeouts: a slow host).
 */
export async function listen(
  ip: string,
  kind: ServiceKind,
  port = 0,
): Promise<{ service: LoopbackService; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    if (kind === "ssh") socket.end("SSH-2.0-OpenSSH_9.6p1 Debian-4\r\n");
    if (kind === "http") {
      socket.once("data", () =>
        socket.end(
          "HTTP/1.1 200 OK\r\nServer: nginx/1.24.0\r\nContent-Type: text/html\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
        ),
      );
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, ip, () => resolve());
  });
  const actual = (server.address() as net.AddressInfo).port;
  return {
    service: { ip, port: actual, kind },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
