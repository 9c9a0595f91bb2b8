/**
 * detectService against small Node servers on 127.0.0.x random high ports (so a port's typical
 * service rarely matches, as on the internet per LZR). Real Debian daemons are covered by
 * real-services.test.ts; these cover what real daemons cannot: hostile and broken peers.
 */
import net from "node:net";
import http from "node:http";
import tls from "node:tls";
import { readFileSync } from "node:fs";
import { X509Certificate } from "node:crypto";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { detectService, type DetectOptions } from "@/lib/scanner/detect";
import { BANNER_CAP_BYTES } from "@/lib/scanner/banner";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../../fixtures/tls/${name}`, import.meta.url)));
const key = fixture("self-signed.key");
const cert = fixture("self-signed.crt");

/** Short waits: loopback answers in microseconds. */
const FAST: DetectOptions = {
  greetingMs: 300,
  slowGreetingMs: 300,
  replyMs: 1_000,
  handshakeMs: 2_000,
  timeoutMs: 10_000,
};

const servers: net.Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(
  server: net.Server,
  host = "127.0.0.1",
): Promise<{ host: string; port: number; server: net.Server }> {
  // Our probes are reset (RST) on purpose; a test server must not crash on that.
  server.on("connection", (socket: net.Socket) => socket.on("error", () => undefined));
  server.on("secureConnection", (socket: tls.TLSSocket) => socket.on("error", () => undefined));
  server.on("tlsClientError", () => undefined);
  server.on("error", () => undefined);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  servers.push(server);
  return { host, port: (server.address() as net.AddressInfo).port, server };
}

function tcpServer(onConnection: (socket: net.Socket) => void, host?: string) {
  return listen(net.createServer(onConnection), host);
}

async function connectionsOf(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.getConnections((_error, count) => resolve(count)));
}

describe("detectService against Node servers", () => {
  it("reads product and version from an HTTP Server header", async () => {
    const { host, port } = await listen(
      http.createServer((_request, response) => {
        response.setHeader("Server", "nginx/1.22.1");
        response.end("<html>hello</html>");
      }),
      "127.0.0.2",
    );
    const detection = await detectService(host, port, FAST);
    expect(detection).toMatchObject({
      detectedService: "http",
      product: "nginx",
      version: "1.22.1",
      tls: null,
      facts: { redirectsToHttps: false },
    });
    expect(detection.banner).toMatch(/^HTTP\/1\.1 200 OK\\r\\n/);
  });

  it("notices plain HTTP that only redirects visitors to HTTPS", async () => {
    const { host, port } = await listen(
      http.createServer((request, response) => {
        response
          .writeHead(301, { Server: "nginx/1.22.1", Location: `https://www.example.test${request.url ?? "/"}` })
          .end();
      }),
      "127.0.0.2",
    );
    expect(await detectService(host, port, FAST)).toMatchObject({
      detectedService: "http",
      product: "nginx",
      facts: { redirectsToHttps: true },
    });
  });

  it("finds DNS over TCP on a non-standard port within the default deadline", async () => {
    // The server reads "GE" of the HTTP probe as a length and waits in silence for 18,245 bytes.
    const { startDnsServer } = await import("@/tests/helpers/dns-server");
    const server = await startDnsServer({ "example.test": { A: ["127.0.0.2"] } }, "127.0.0.4");
    try {
      expect(await detectService(server.host, server.port)).toMatchObject({ detectedService: "domain" });
    } finally {
      await server.stop();
    }
  });

  it("reads the RA flag of DNS over TCP: recursion offered or not", async () => {
    const { startDnsServer } = await import("@/tests/helpers/dns-server");
    const authoritative = await startDnsServer({ "example.test": { A: ["127.0.0.2"] } }, "127.0.0.4");
    const openResolver = await startDnsServer({}, "127.0.0.4", 0, { advertiseRecursion: true });
    try {
      expect(await detectService(authoritative.host, authoritative.port, FAST)).toMatchObject({
        detectedService: "domain",
        facts: { recursionAvailable: false },
      });
      expect(await detectService(openResolver.host, openResolver.port, FAST)).toMatchObject({
        detectedService: "domain",
        facts: { recursionAvailable: true },
      });
    } finally {
      await Promise.all([authoritative.stop(), openResolver.stop()]);
    }
  });

  it("recognises an Elasticsearch banner served over HTTP", async () => {
    const { host, port } = await listen(
      http.createServer((_request, response) => {
        response.setHeader("X-elastic-product", "Elasticsearch");
        response.setHeader("Content-Type", "application/json");
        response.end(JSON.stringify({ name: "es01", version: { number: "8.11.1" }, tagline: "You Know, for Search" }));
      }),
      "127.0.0.2",
    );
    expect(await detectService(host, port, FAST)).toMatchObject({
      detectedService: "elasticsearch",
      product: "Elasticsearch",
      version: "8.11.1",
    });
  });

  it("reports TLS details and the HTTP server inside TLS as https", async () => {
    const { host, port } = await listen(
      tls.createServer({ key, cert }, (socket) => {
        socket.once("data", () =>
          socket.end("HTTP/1.1 200 OK\r\nServer: Apache/2.4.62 (Debian)\r\nContent-Length: 0\r\n\r\n"),
        );
      }),
      "127.0.0.3",
    );
    const detection = await detectService(host, port, FAST);
    expect(detection).toMatchObject({ detectedService: "https", product: "Apache", version: "2.4.62", facts: {} });
    expect(detection.facts).not.toHaveProperty("redirectsToHttps");
    expect(detection.tls).toEqual({
      protocol: "TLSv1.3",
      cipher: expect.stringMatching(/^TLS_/),
      subject: "CN=detect.example.test, O=Portwatch Test",
      subjectAltNames: ["DNS:detect.example.test", "DNS:www.example.test", "IP Address:127.0.0.1"],
      issuer: "CN=detect.example.test, O=Portwatch Test",
      validFrom: new Date(new X509Certificate(cert).validFrom).toISOString(),
      validTo: new Date(new X509Certificate(cert).validTo).toISOString(),
      selfSigned: true,
    });
  });

  it("names a Kubernetes component from its self-made certificate when its HTTPS answer names nothing", async () => {
    const { host, port } = await listen(
      tls.createServer({ key: fixture("kubelet.key"), cert: fixture("kubelet.crt") }, (socket) => {
        socket.once("data", () =>
          socket.end(
            "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nContent-Length: 19\r\n\r\n404 page not found\n",
          ),
        );
      }),
      "127.0.0.3",
    );
    const detection = await detectService(host, port, FAST);
    expect(detection).toMatchObject({
      detectedService: "https",
      product: "Kubernetes component (kubelet, scheduler or controller manager)",
      tls: { subject: "CN=node1@1764331200", issuer: "CN=node1-ca@1764331200" },
    });
  });

  it("sees a legacy TLS 1.0-only server", async () => {
    const { host, port } = await listen(
      tls.createServer(
        { key, cert, minVersion: "TLSv1", maxVersion: "TLSv1", ciphers: "DEFAULT:@SECLEVEL=0" },
        (socket) => {
          socket.once("data", () => socket.end("HTTP/1.1 204 No Content\r\n\r\n"));
        },
      ),
      "127.0.0.3",
    );
    const detection = await detectService(host, port, FAST);
    expect(detection.detectedService).toBe("https");
    expect(detection.tls?.protocol).toBe("TLSv1");
  });

  it("recognises a TLS-wrapped IMAP greeting as imaps", async () => {
    const { host, port } = await listen(
      tls.createServer({ key, cert }, (socket) =>
        socket.write("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] Dovecot (Debian) ready.\r\n"),
      ),
      "127.0.0.3",
    );
    expect(await detectService(host, port, FAST)).toMatchObject({
      detectedService: "imaps",
      product: "Dovecot",
      tls: { selfSigned: true },
    });
  });

  it("reads an SSH identification string", async () => {
    const { host, port } = await tcpServer(
      (socket) => socket.write("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"),
      "127.0.0.4",
    );
    expect(await detectService(host, port, FAST)).toEqual({
      detectedService: "ssh",
      product: "OpenSSH",
      version: "9.2p1",
      versionRevision: "Debian-2+deb12u3",
      tls: null,
      banner: "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\\r\\n",
      facts: {},
    });
  });

  it("recognises an SMTP server (smtp-server package)", async () => {
    const smtp = new SMTPServer({
      banner: "Portwatch test MTA",
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
    });
    const { host, port } = await listen(smtp.server as net.Server, "127.0.0.5");
    const detection = await detectService(host, port, FAST);
    expect(detection.detectedService).toBe("smtp");
    expect(detection.banner).toMatch(/^220 .*ESMTP Portwatch test MTA/);
  });

  it("tells an ambiguous 220 greeting apart with EHLO (FTP rejects it)", async () => {
    const { host, port } = await tcpServer((socket) => {
      socket.write("220 Welcome\r\n");
      socket.on("data", () => socket.write("530 Please login with USER and PASS.\r\n"));
    }, "127.0.0.5");
    expect((await detectService(host, port, FAST)).detectedService).toBe("ftp");
  });

  it("finds Redis with PING after it silently drops the HTTP probe, and reads INFO", async () => {
    const { host, port } = await tcpServer((socket) => {
      socket.on("data", (data) => {
        const command = data.toString("latin1");
        if (command.startsWith("INFO")) socket.write("$40\r\n# Server\r\nredis_version:7.0.15\r\nos:Linux\r\n\r\n");
        else if (command.startsWith("PING")) socket.write("+PONG\r\n");
        // Like real Redis: a request containing "Host:" is a cross-protocol attack, dropped unanswered.
        else if (command.includes("Host:")) socket.destroy();
        // Anything else (a TLS ClientHello) is an unfinished inline command: wait for more, silently.
      });
    }, "127.0.0.6");
    expect(await detectService(host, port, FAST)).toMatchObject({
      detectedService: "redis",
      product: "Redis",
      version: "7.0.15",
      banner: "+PONG\\r\\n",
    });
  });

  it("recognises Redis in protected mode without inventing a version", async () => {
    const denied = "-DENIED Redis is running in protected mode because protected mode is enabled\r\n";
    const { host, port } = await tcpServer((socket) => socket.on("data", () => socket.end(denied)), "127.0.0.6");
    expect(await detectService(host, port, FAST)).toMatchObject({
      detectedService: "redis",
      product: null,
      version: null,
    });
  });

  it("recognises PostgreSQL from SSLRequest and startup replies", async () => {
    const { host, port } = await tcpServer((socket) => {
      socket.on("data", (data) => {
        if (data.length === 8 && data.readUInt32BE(4) === 80877103) return void socket.write("N");
        if (data.length > 8 && data.readUInt32BE(4) === 196608) {
          const body = Buffer.from(
            "SFATAL\0VFATAL\0C28000\0Mno pg_hba.conf entry\0Fauth.c\0L543\0RClientAuthentication\0\0",
            "latin1",
          );
          const header = Buffer.alloc(5);
          header.write("E", 0, "latin1");
          header.writeInt32BE(body.length + 4, 1);
          socket.end(Buffer.concat([header, body]));
          return;
        }
        socket.destroy();
      });
    }, "127.0.0.6");
    expect(await detectService(host, port, FAST)).toMatchObject({
      detectedService: "postgresql",
      product: "PostgreSQL",
    });
  });

  it("reads the MariaDB version from the MySQL handshake", async () => {
    const version = "5.5.5-10.11.6-MariaDB-0+deb12u1";
    const payload = Buffer.concat([
      Buffer.from([0x0a]),
      Buffer.from(version + "\0", "latin1"),
      Buffer.from([1, 0, 0, 0]),
      Buffer.from("12345678", "latin1"),
      Buffer.from([0]),
      Buffer.alloc(20),
    ]);
    const packet = Buffer.concat([Buffer.from([payload.length, 0, 0, 0]), payload]);
    const { host, port } = await tcpServer((socket) => socket.write(packet), "127.0.0.7");
    const detection = await detectService(host, port, FAST);
    expect(detection).toMatchObject({ detectedService: "mysql", product: "MariaDB", version: "10.11.6" });
    expect(detection.banner).toContain("5.5.5-10.11.6-MariaDB");
  });
});

describe("detectService against hostile and broken peers", () => {
  it("survives 1 MiB of binary garbage and keeps only a capped, escaped banner", async () => {
    const garbage = Buffer.alloc(1 << 20);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 131 + 7) & 0xff;
    const { host, port } = await tcpServer((socket) => socket.write(garbage), "127.0.0.8");
    const detection = await detectService(host, port, FAST);
    expect(detection.detectedService).toBeNull();
    expect(detection.banner).not.toBeNull();
    expect(detection.banner!.length).toBeLessThanOrEqual(BANNER_CAP_BYTES * 4 + 1);
    expect(detection.banner).toMatch(/^[\x20-\x7e…]+$/);
  });

  it("gives up on a server that accepts and never speaks, and leaves no connection open", async () => {
    const { host, port, server } = await tcpServer(() => undefined, "127.0.0.8");
    const detection = await detectService(host, port, { ...FAST, timeoutMs: 4_000 });
    expect(detection).toEqual({
      detectedService: null,
      product: null,
      version: null,
      versionRevision: null,
      tls: null,
      banner: null,
      facts: {},
    });
    await expect.poll(() => connectionsOf(server), { timeout: 2_000 }).toBe(0);
  });

  it("handles a server that closes every connection immediately", async () => {
    const { host, port } = await tcpServer((socket) => socket.destroy(), "127.0.0.8");
    expect(await detectService(host, port, FAST)).toEqual({
      detectedService: null,
      product: null,
      version: null,
      versionRevision: null,
      tls: null,
      banner: null,
      facts: {},
    });
  });

  it("returns an empty detection for a port that is closed by now", async () => {
    const { host, port, server } = await tcpServer(() => undefined, "127.0.0.9");
    await new Promise((resolve) => server.close(resolve));
    expect((await detectService(host, port, FAST)).detectedService).toBeNull();
  });

  it("stops when the caller aborts", async () => {
    const { host, port, server } = await tcpServer(() => undefined, "127.0.0.9");
    const controller = new AbortController();
    const detection = detectService(host, port, {
      ...FAST,
      timeoutMs: 60_000,
      greetingMs: 30_000,
      signal: controller.signal,
    });
    await expect.poll(() => connectionsOf(server), { timeout: 2_000 }).toBe(1);
    controller.abort();
    // Without the abort this would wait for the 30 s greeting: the test timeout would catch it.
    expect((await detection).detectedService).toBeNull();
    await expect.poll(() => connectionsOf(server), { timeout: 2_000 }).toBe(0);
  });

  it("rejects bad arguments with clear errors", async () => {
    await expect(detectService("example.test", 80)).rejects.toThrow(/IP literals only/);
    await expect(detectService("127.0.0.1", 0)).rejects.toThrow(RangeError);
    await expect(detectService("127.0.0.1", 80, { family: 6 })).rejects.toThrow(/not an IPv6 address/);
    await expect(detectService("127.0.0.1", 80, { timeoutMs: -5 })).rejects.toThrow(/timeoutMs/);
  });
});
