import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { detectService } from "@/lib/scanner/detect";

// A scanner that leaks a socket per port leaks thousands in a long-running worker: after detection,
// no TCP handle of ours may remain, whatever the server did with the connection.
const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length;

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(onConnection: (socket: net.Socket) => void): Promise<number> {
  // The servers read (and drop) what they receive, as real servers do: a server-side socket that is
  // never read never sees our FIN either, and would count as a handle left open.
  const server = net.createServer((socket) => {
    socket.resume();
    onConnection(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

async function settledHandleCount(expected: number): Promise<number> {
  for (let i = 0; i < 40 && tcpHandles() > expected; i++) await new Promise((r) => setTimeout(r, 50));
  return tcpHandles();
}

describe("detection releases every socket", () => {
  it("when the server greets and then closes (half-closed sockets cannot be reset)", async () => {
    const port = await serve((s) => {
      s.write("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n");
      setTimeout(() => s.destroy(), 100);
    });
    const before = tcpHandles();
    const detection = await detectService("127.0.0.1", port, { timeoutMs: 5000 });
    expect(detection.detectedService).toBe("ssh");
    expect(await settledHandleCount(before)).toBe(before);
  });

  it("when the server ends its side immediately after greeting", async () => {
    const port = await serve((s) => s.end("220 ftp.example.test FTP server ready\r\n"));
    const before = tcpHandles();
    await detectService("127.0.0.1", port, { timeoutMs: 5000 });
    expect(await settledHandleCount(before)).toBe(before);
  });
});
