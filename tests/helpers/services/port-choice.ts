/**
 * Standard ports on the fixture's own address collide with system daemons listening on the
 * wildcard address (a CI image whose apt-get started sshd on *:22 or dovecot on *:993). A trial
 * bind finds that out; the fixture then uses its non-standard fallback instead of failing.
 */
import dgram from "node:dgram";
import net from "node:net";

function canBindTcp(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function canBindUdp(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket("udp4");
    socket.once("error", () => {
      socket.close();
      resolve(false);
    });
    socket.bind({ address: host, port, exclusive: true }, () => socket.close(() => resolve(true)));
  });
}

/** The first candidate port free on `host` for every listed protocol. */
export async function firstFreePort(
  host: string,
  candidates: readonly number[],
  protocols: readonly ("tcp" | "udp")[] = ["tcp"],
): Promise<number> {
  for (const port of candidates) {
    const free = await Promise.all(
      protocols.map((p) => (p === "tcp" ? canBindTcp(host, port) : canBindUdp(host, port))),
    );
    if (free.every(Boolean)) return port;
  }
  throw new Error(`None of ports ${candidates.join(", ")} is free on ${host} (${protocols.join("+")})`);
}
