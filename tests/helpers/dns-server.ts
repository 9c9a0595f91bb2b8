/**
 * A tiny authoritative DNS server on loopback (UDP and TCP, same port) for `*.test` names, so tests
 * resolve domains without touching real DNS. Unknown names get NXDOMAIN; known names without the asked
 * type get an empty NOERROR answer (NODATA), as real servers do. It never recurses; with
 * `advertiseRecursion` it sets the RA flag as an open resolver would, to test that the scanner notices.
 */
import dgram from "node:dgram";
import net from "node:net";
import dnsPacket from "dns-packet";

export interface DnsRecords {
  [name: string]: {
    A?: string[];
    AAAA?: string[];
    /** [preference, exchange] pairs. */
    MX?: { preference: number; exchange: string }[];
    TXT?: string[];
  };
}

export interface DnsServer {
  host: string;
  port: number;
  /** "127.0.0.1:PORT", ready for SCANNER_DNS_SERVERS or the dnsServers option. */
  address: string;
  /** Questions received, e.g. "A www.example.test". */
  queries: string[];
  stop(): Promise<void>;
}

const TTL = 60;

export interface DnsServerOptions {
  /** Set RA (recursion available) in every answer. No query is ever forwarded anywhere. */
  advertiseRecursion?: boolean;
}

export function answerQuery(
  query: Buffer,
  records: DnsRecords,
  queries: string[] = [],
  options: DnsServerOptions = {},
): Buffer {
  const request = dnsPacket.decode(query);
  const question = request.questions?.[0];
  const ra = options.advertiseRecursion ? dnsPacket.RECURSION_AVAILABLE : 0;
  const base = { type: "response" as const, id: request.id, questions: request.questions };
  if (!question) return dnsPacket.encode({ ...base, flags: dnsPacket.AUTHORITATIVE_ANSWER | ra | 1 });
  const name = question.name.toLowerCase().replace(/\.$/, "");
  queries.push(`${question.type} ${name}`);
  const entry = name.endsWith(".test") || name === "test" ? records[name] : undefined;
  if (!entry) {
    // RCODE 3 = NXDOMAIN
    return dnsPacket.encode({ ...base, flags: dnsPacket.AUTHORITATIVE_ANSWER | ra | 3, answers: [] });
  }
  const answers: dnsPacket.Answer[] = [];
  if (question.type === "A") for (const ip of entry.A ?? []) answers.push({ type: "A", name, ttl: TTL, data: ip });
  if (question.type === "AAAA")
    for (const ip of entry.AAAA ?? []) answers.push({ type: "AAAA", name, ttl: TTL, data: ip });
  if (question.type === "MX") for (const mx of entry.MX ?? []) answers.push({ type: "MX", name, ttl: TTL, data: mx });
  if (question.type === "TXT")
    for (const text of entry.TXT ?? []) answers.push({ type: "TXT", name, ttl: TTL, data: text });
  return dnsPacket.encode({ ...base, flags: dnsPacket.AUTHORITATIVE_ANSWER | ra, answers });
}

export async function startDnsServer(
  records: DnsRecords,
  host = "127.0.0.1",
  requestedPort = 0,
  options: DnsServerOptions = {},
): Promise<DnsServer> {
  const normalized: DnsRecords = Object.fromEntries(
    Object.entries(records).map(([name, value]) => [name.toLowerCase().replace(/\.$/, ""), value]),
  );
  const queries: string[] = [];
  const respond = (query: Buffer): Buffer | null => {
    try {
      return answerQuery(query, normalized, queries, options);
    } catch {
      return null; // Malformed query: a real server would drop it too.
    }
  };

  const udp = dgram.createSocket(net.isIPv6(host) ? "udp6" : "udp4");
  udp.on("message", (message, remote) => {
    const reply = respond(message);
    if (reply) udp.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve, reject) => {
    udp.once("error", reject);
    udp.bind(requestedPort, host, () => resolve());
  });
  const port = udp.address().port;

  // TCP on the same port: RFC 1035 §4.2.2 framing, a 2-byte length before each message.
  const tcp = net.createServer((socket) => {
    let buffered = Buffer.alloc(0);
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const length = buffered.readUInt16BE(0);
        const reply = respond(buffered.subarray(2, 2 + length));
        buffered = buffered.subarray(2 + length);
        if (reply) socket.write(Buffer.concat([Buffer.from([reply.length >> 8, reply.length & 0xff]), reply]));
      }
    });
  });
  await new Promise<void>((resolve) => {
    // Best effort: if the TCP port happens to be taken, UDP alone serves every test.
    tcp.once("error", () => resolve());
    tcp.listen(port, host, () => resolve());
  });

  const address = net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
  return {
    host,
    port,
    address,
    queries,
    stop: async () => {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      await new Promise<void>((resolve) => (tcp.listening ? tcp.close(() => resolve()) : resolve()));
    },
  };
}
