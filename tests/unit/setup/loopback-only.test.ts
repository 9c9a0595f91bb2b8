import dgram from "node:dgram";
import dns from "node:dns";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { assertLocalDestination, guardSocketConnect } from "../../setup/loopback-only";

// The guard every test runs under: a test that would reach past loopback fails instead of sending.
// These checks never hand a non-loopback destination to a real socket: the guard's decisions are
// exercised against a recording stand-in, and the real prototypes are only checked to be guarded.
describe("test network guard", () => {
  it("refuses destinations beyond loopback and allows loopback", () => {
    for (const host of ["10.255.255.53", "192.0.2.10", "2001:db8::1", "example.com", "::ffff:10.0.0.1"]) {
      expect(() => assertLocalDestination(host, "x")).toThrow(/test network guard/);
    }
    for (const host of ["127.0.0.1", "127.3.4.5", "::1", "[::1]", "localhost", "::ffff:127.0.0.1", "198.18.99.2"]) {
      expect(() => assertLocalDestination(host, "x")).not.toThrow();
    }
  });

  it("checks every call form of Socket#connect before the real connect runs", () => {
    const calls: unknown[][] = [];
    const guarded = guardSocketConnect((...args: unknown[]) => calls.push(args));
    expect(() => guarded([{ host: "10.255.255.53", port: 53 }, null])).toThrow(/test network guard/); // net.connect's form
    expect(() => guarded({ host: "192.0.2.10", port: 443 })).toThrow(/test network guard/);
    expect(() => guarded(443, "example.com")).toThrow(/test network guard/);
    expect(calls).toHaveLength(0);
    guarded({ host: "127.0.0.1", port: 1 });
    guarded({ path: "/tmp/socket" });
    expect(calls).toHaveLength(2);
  });

  it("is installed on the real socket, UDP and DNS entry points", () => {
    expect(net.Socket.prototype.connect.name).toBe("guardedConnect");
    expect(dgram.Socket.prototype.send.name).toBe("guardedSend");
    expect(dgram.Socket.prototype.connect.name).toBe("guardedUdpConnect");
    expect(dns.lookup.name).toBe("guardedLookup");
    expect(dns.promises.Resolver.prototype.resolve4.name).toBe("guardedResolve");
  });

  it("lets loopback through", async () => {
    const server = net.createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const { port } = server.address() as net.AddressInfo;
    const socket = net.connect({ host: "127.0.0.1", port });
    await new Promise((r) => socket.on("close", r));
    await new Promise((r) => server.close(r));
  });

  it("points the Inngest SDK at loopback unless a test configures it", () => {
    expect(new URL(process.env.INNGEST_BASE_URL!).hostname).toBe("127.0.0.1");
  });
});
