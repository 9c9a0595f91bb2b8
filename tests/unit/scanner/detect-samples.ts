/**
 * Captured-style replies for the protocol recognisers, written out from the protocol specifications
 * and from what the named Debian packages send. Shared by the recogniser tests and the
 * mutation-based totality properties.
 */
import dnsPacket from "dns-packet";
import type { Recognition } from "@/lib/scanner/detect/types";
import type { ServiceFacts } from "@/lib/scanner/types";
import { tlv } from "@/lib/scanner/detect/protocols/ber";
import { BUILD_INFO_REQUEST_ID, HELLO_REQUEST_ID } from "@/lib/scanner/detect/protocols/mongodb";

export interface Sample {
  name: string;
  reply: Buffer;
  expected: Recognition;
}

const text = (value: string) => Buffer.from(value, "latin1");
const r = (
  protocol: Recognition["protocol"],
  product: string | null = null,
  version: string | null = null,
  facts?: ServiceFacts,
): Recognition => ({
  protocol,
  product,
  version,
  ...(facts ? { facts } : {}),
});
const plainSite = { redirectsToHttps: false };
const revised = (recognition: Recognition, revision: string): Recognition => ({ ...recognition, revision });

// ---- MySQL / MariaDB ----
function mysqlPacket(sequence: number, payload: Buffer): Buffer {
  const header = Buffer.from([payload.length & 0xff, (payload.length >> 8) & 0xff, payload.length >> 16, sequence]);
  return Buffer.concat([header, payload]);
}
function mysqlHandshake(serverVersion: string): Buffer {
  return mysqlPacket(
    0,
    Buffer.concat([
      Buffer.from([0x0a]),
      text(serverVersion + "\0"),
      Buffer.from([0x2a, 0x00, 0x00, 0x00]), // connection id
      text("abcdefgh"), // auth-plugin-data part 1
      Buffer.from([0x00]), // filler
      Buffer.from([0xfe, 0xf7]), // capability flags (lower)
      Buffer.from([0x2d]), // character set
      Buffer.from([0x02, 0x00]), // status flags
      Buffer.from([0xff, 0x81]), // capability flags (upper)
      Buffer.from([0x15]), // auth-plugin-data length
      Buffer.alloc(10), // reserved
      text("ijklmnopqrst\0"),
      text("mysql_native_password\0"),
    ]),
  );
}
const mysqlHostNotAllowed = mysqlPacket(
  0,
  Buffer.concat([
    Buffer.from([0xff, 0x6a, 0x04]),
    text("Host '192.0.2.10' is not allowed to connect to this MariaDB server"),
  ]),
);

// ---- PostgreSQL ----
function pgMessage(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([text(type), length, body]);
}
const pgFatal = pgMessage(
  "E",
  text(
    "SFATAL\0VFATAL\0C28000\0Mno PostgreSQL user name specified in startup packet\0Fbackend_startup.c\0L782\0RProcessStartupPacket\0\0",
  ),
);
const pgSasl = pgMessage("R", Buffer.concat([Buffer.from([0, 0, 0, 10]), text("SCRAM-SHA-256\0\0")]));

// ---- MongoDB (BSON written out by hand, independently of the library encoder) ----
type TestBson = Array<[string, number | string | boolean | { double: number }]>;
function bson(fields: TestBson): Buffer {
  const parts = fields.map(([key, value]) => {
    const name = text(key + "\0");
    if (typeof value === "boolean") return Buffer.concat([Buffer.from([0x08]), name, Buffer.from([value ? 1 : 0])]);
    if (typeof value === "number") {
      const n = Buffer.alloc(4);
      n.writeInt32LE(value);
      return Buffer.concat([Buffer.from([0x10]), name, n]);
    }
    if (typeof value === "object") {
      const d = Buffer.alloc(8);
      d.writeDoubleLE(value.double);
      return Buffer.concat([Buffer.from([0x01]), name, d]);
    }
    const s = Buffer.from(value + "\0", "utf8");
    const l = Buffer.alloc(4);
    l.writeInt32LE(s.length);
    return Buffer.concat([Buffer.from([0x02]), name, l, s]);
  });
  const body = Buffer.concat([...parts, Buffer.from([0])]);
  const length = Buffer.alloc(4);
  length.writeInt32LE(body.length + 4);
  return Buffer.concat([length, body]);
}
function opMsgReply(responseTo: number, doc: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + 5 + doc.length, 0);
  header.writeInt32LE(7, 4);
  header.writeInt32LE(responseTo, 8);
  header.writeInt32LE(2013, 12);
  return Buffer.concat([header, Buffer.alloc(4), Buffer.from([0]), doc]);
}
const mongoHello = opMsgReply(
  HELLO_REQUEST_ID,
  bson([
    ["isWritablePrimary", true],
    ["topologyVersion", "x"],
    ["maxBsonObjectSize", 16777216],
    ["maxWireVersion", 21],
    ["minWireVersion", 0],
    ["readOnly", false],
    ["ok", { double: 1 }],
  ]),
);
const mongoBuildInfo = opMsgReply(
  BUILD_INFO_REQUEST_ID,
  bson([
    ["version", "7.0.5"],
    ["gitVersion", "7809d71e84e314b497f282ea8aa06d7ded3eb205"],
    ["bits", 64],
    ["ok", { double: 1 }],
  ]),
);

// ---- AMQP 0-9-1 Connection.Start as RabbitMQ 3.12 sends it ----
function shortstr(value: string): Buffer {
  return Buffer.concat([Buffer.from([value.length]), text(value)]);
}
function longstr(value: string): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(Buffer.byteLength(value));
  return Buffer.concat([length, Buffer.from(value, "utf8")]);
}
function table(entries: Buffer[]): Buffer {
  const body = Buffer.concat(entries);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}
const amqpStart = (() => {
  const properties = table([
    shortstr("capabilities"),
    text("F"),
    table([
      shortstr("publisher_confirms"),
      text("t"),
      Buffer.from([1]),
      shortstr("consumer_priorities"),
      text("t"),
      Buffer.from([1]),
    ]),
    shortstr("cluster_name"),
    text("S"),
    longstr("rabbit@broker"),
    shortstr("copyright"),
    text("S"),
    longstr("Copyright (c) 2007-2023 VMware, Inc. or its affiliates."),
    shortstr("platform"),
    text("S"),
    longstr("Erlang/OTP 25.3.2.8"),
    shortstr("product"),
    text("S"),
    longstr("RabbitMQ"),
    shortstr("version"),
    text("S"),
    longstr("3.12.1"),
  ]);
  const payload = Buffer.concat([
    Buffer.from([0, 10, 0, 10, 0, 9]),
    properties,
    longstr("AMQPLAIN PLAIN"),
    longstr("en_US"),
  ]);
  const size = Buffer.alloc(4);
  size.writeUInt32BE(payload.length);
  return Buffer.concat([Buffer.from([1, 0, 0]), size, payload, Buffer.from([0xce])]);
})();

// ---- LDAP ----
const ldapInt = (value: number) => tlv(0x02, Buffer.from([value]));
const ldapString = (value: string) => tlv(0x04, text(value));
function ldapAttribute(name: string, value: string): Buffer {
  return tlv(0x30, Buffer.concat([ldapString(name), tlv(0x31, ldapString(value))]));
}
const ldapEntry389 = Buffer.concat([
  tlv(
    0x30,
    Buffer.concat([
      ldapInt(0x50),
      tlv(
        0x64,
        Buffer.concat([
          ldapString(""),
          tlv(
            0x30,
            Buffer.concat([
              ldapAttribute("supportedLDAPVersion", "3"),
              ldapAttribute("vendorName", "389 Project"),
              ldapAttribute("vendorVersion", "389-Directory/2.3.4 B2023.192.0000"),
            ]),
          ),
        ]),
      ),
    ]),
  ),
  tlv(
    0x30,
    Buffer.concat([
      ldapInt(0x50),
      tlv(0x65, Buffer.concat([tlv(0x0a, Buffer.from([0])), ldapString(""), ldapString("")])),
    ]),
  ),
]);
const ldapEntryOpenldap = tlv(
  0x30,
  Buffer.concat([
    ldapInt(0x50),
    tlv(
      0x64,
      Buffer.concat([
        ldapString(""),
        tlv(
          0x30,
          Buffer.concat([
            tlv(
              0x30,
              Buffer.concat([
                ldapString("objectClass"),
                tlv(0x31, Buffer.concat([ldapString("top"), ldapString("OpenLDAProotDSE")])),
              ]),
            ),
            ldapAttribute("supportedLDAPVersion", "3"),
          ]),
        ),
      ]),
    ),
  ]),
);
const ldapEntryAnonymous = tlv(
  0x30,
  Buffer.concat([
    ldapInt(0x50),
    tlv(0x64, Buffer.concat([ldapString(""), tlv(0x30, ldapAttribute("supportedLDAPVersion", "3"))])),
  ]),
);

// ---- DNS ----
const noRecursion = { recursionAvailable: false };
const openResolver = { recursionAvailable: true };
function dnsVersionReply(version: string | null, rcode: number, recursionAvailable = false): Buffer {
  return dnsPacket.streamEncode({
    type: "response",
    id: 0x7077,
    flags: dnsPacket.AUTHORITATIVE_ANSWER | (recursionAvailable ? dnsPacket.RECURSION_AVAILABLE : 0) | rcode,
    questions: [{ type: "TXT", class: "CH", name: "version.bind" }],
    answers: version === null ? [] : [{ type: "TXT", class: "CH", name: "version.bind", data: version }],
  });
}

// ---- SMB2 NEGOTIATE response ----
const smbNegotiateResponse = (() => {
  const header = Buffer.alloc(64);
  Buffer.from([0xfe, 0x53, 0x4d, 0x42]).copy(header, 0);
  header.writeUInt16LE(64, 4);
  header.writeUInt32LE(0x00000001, 16); // Flags: SERVER_TO_REDIR
  const body = Buffer.alloc(65);
  body.writeUInt16LE(65, 0);
  body.writeUInt16LE(1, 2);
  body.writeUInt16LE(0x0302, 4);
  const message = Buffer.concat([header, body]);
  const transport = Buffer.alloc(4);
  transport.writeUInt32BE(message.length);
  return Buffer.concat([transport, message]);
})();

// ---- Microsoft SQL Server PRELOGIN response (SQL Server 2019, 15.0.2000.5) ----
const mssqlPrelogin = (() => {
  const options = Buffer.from([
    0x00, 0x00, 0x15, 0x00, 0x06, 0x01, 0x00, 0x1b, 0x00, 0x01, 0x02, 0x00, 0x1c, 0x00, 0x01, 0x03, 0x00, 0x1d, 0x00,
    0x00, 0xff,
  ]);
  const data = Buffer.from([0x0f, 0x00, 0x07, 0xd0, 0x00, 0x05, 0x02, 0x00]);
  const payload = Buffer.concat([options, data]);
  return Buffer.concat([Buffer.from([0x04, 0x01, 0x00, 8 + payload.length, 0x00, 0x00, 0x01, 0x00]), payload]);
})();

export const SAMPLES: Sample[] = [
  {
    name: "nginx on Debian",
    reply: text(
      "HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Sat, 21 Nov 2026 12:00:00 GMT\r\nContent-Type: text/html\r\nContent-Length: 615\r\nConnection: close\r\n\r\n<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>",
    ),
    expected: r("http", "nginx", "1.22.1", plainSite),
  },
  {
    name: "Apache on Debian",
    reply: text(
      "HTTP/1.1 403 Forbidden\r\nDate: Sat, 21 Nov 2026 12:00:00 GMT\r\nServer: Apache/2.4.62 (Debian)\r\nContent-Length: 199\r\n\r\n",
    ),
    expected: revised(r("http", "Apache", "2.4.62", plainSite), "Debian"),
  },
  {
    name: "IIS",
    reply: text("HTTP/1.1 404 Not Found\r\nServer: Microsoft-IIS/10.0\r\n\r\n"),
    expected: r("http", "Microsoft-IIS", "10.0", plainSite),
  },
  {
    name: "HTTP/1.0 with LF only, no Server",
    reply: text("HTTP/1.0 302 Found\nLocation: /login\n\n"),
    expected: r("http", null, null, plainSite),
  },
  {
    name: "nginx redirecting to HTTPS",
    reply: text(
      "HTTP/1.1 301 Moved Permanently\r\nServer: nginx/1.22.1\r\nLocation: https://www.example.test/\r\n\r\n",
    ),
    expected: r("http", "nginx", "1.22.1", { redirectsToHttps: true }),
  },
  {
    name: "redirect to another plain HTTP site",
    reply: text("HTTP/1.1 308 Permanent Redirect\r\nLocation: http://www.example.test/\r\n\r\n"),
    expected: r("http", null, null, plainSite),
  },
  {
    name: "an https link on a page that does not redirect",
    reply: text("HTTP/1.1 200 OK\r\nLocation: https://www.example.test/\r\n\r\n"),
    expected: r("http", null, null, plainSite),
  },
  {
    name: "Elasticsearch 8 banner",
    reply: text(
      'HTTP/1.1 200 OK\r\nX-elastic-product: Elasticsearch\r\ncontent-type: application/json\r\ncontent-length: 540\r\n\r\n{\n  "name" : "es01",\n  "cluster_name" : "docker-cluster",\n  "version" : {\n    "number" : "8.11.1",\n    "build_flavor" : "default",\n    "lucene_version" : "9.8.0"\n  },\n  "tagline" : "You Know, for Search"\n}\n',
    ),
    expected: r("elasticsearch", "Elasticsearch", "8.11.1"),
  },
  {
    name: "OpenSearch banner",
    reply: text(
      'HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=UTF-8\r\n\r\n{"name":"os1","version":{"distribution":"opensearch","number":"2.11.0"},"tagline":"The OpenSearch Project: https://opensearch.org/"}',
    ),
    expected: r("elasticsearch", "OpenSearch", "2.11.0"),
  },
  {
    name: "Elasticsearch with security enabled",
    reply: text(
      'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm="security" charset="UTF-8"\r\ncontent-type: application/json\r\n\r\n{"error":{"root_cause":[{"type":"security_exception","reason":"missing authentication credentials for REST request [/]"}],"type":"security_exception"},"status":401}',
    ),
    expected: r("elasticsearch", "Elasticsearch"),
  },
  {
    name: "Docker Engine API answering GET / (its 404 names it)",
    reply: text(
      'HTTP/1.1 404 Not Found\r\nApi-Version: 1.43\r\nContent-Type: application/json\r\nDocker-Experimental: false\r\nOstype: linux\r\nServer: Docker/24.0.7 (linux)\r\nDate: Sat, 28 Nov 2026 12:00:00 GMT\r\nContent-Length: 29\r\n\r\n{"message":"page not found"}\n',
    ),
    expected: r("docker", "Docker Engine API", "24.0.7", { protocolVersion: "API 1.43" }),
  },
  {
    name: "Docker Engine API behind a proxy that drops Server",
    reply: text(
      'HTTP/1.1 404 Not Found\r\nApi-Version: 1.45\r\nOstype: linux\r\nContent-Type: application/json\r\n\r\n{"message":"page not found"}\n',
    ),
    expected: r("docker", "Docker Engine API", null, { protocolVersion: "API 1.45" }),
  },
  {
    name: "MongoDB answering HTTP",
    reply: text(
      "HTTP/1.0 200 OK\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 85\r\n\r\nIt looks like you are trying to access MongoDB over HTTP on the native driver port.\r\n",
    ),
    expected: r("mongodb", "MongoDB"),
  },
  {
    name: "OpenSSH on Debian 12",
    reply: text("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"),
    expected: revised(r("ssh", "OpenSSH", "9.2p1"), "Debian-2+deb12u3"),
  },
  { name: "Dropbear", reply: text("SSH-2.0-dropbear_2022.83\r\n"), expected: r("ssh", "dropbear", "2022.83") },
  {
    name: "SSH after a pre-banner line",
    reply: text("Authorised users only\r\nSSH-2.0-Go\r\n"),
    expected: r("ssh", "Go"),
  },
  { name: "vsftpd", reply: text("220 (vsFTPd 3.0.3)\r\n"), expected: r("ftp", "vsftpd", "3.0.3") },
  {
    name: "ProFTPD",
    reply: text("220 ProFTPD Server (Debian) [::ffff:192.0.2.10]\r\n"),
    expected: r("ftp", "ProFTPD"),
  },
  {
    name: "Pure-FTPd multi-line",
    reply: text(
      "220---------- Welcome to Pure-FTPd [privsep] [TLS] ----------\r\n220-You are user number 1 of 50 allowed.\r\n220 This is a private system - No anonymous login\r\n",
    ),
    expected: r("ftp", "Pure-FTPd"),
  },
  { name: "Microsoft FTP", reply: text("220 Microsoft FTP Service\r\n"), expected: r("ftp", "Microsoft FTP Service") },
  {
    name: "Postfix",
    reply: text("220 mail.example.test ESMTP Postfix (Debian/GNU)\r\n"),
    expected: r("smtp", "Postfix"),
  },
  {
    name: "Postfix postscreen partial greeting",
    reply: text("220-mail.example.test ESMTP Postfix\r\n"),
    expected: r("smtp", "Postfix"),
  },
  {
    name: "Exim",
    reply: text("220 mx.example.test ESMTP Exim 4.96 Sat, 21 Nov 2026 12:00:00 +0000\r\n"),
    expected: r("smtp", "Exim", "4.96"),
  },
  {
    name: "Sendmail",
    reply: text("220 mail.example.test ESMTP Sendmail 8.17.1.9/8.17.1.9/Debian-2; Sat, 21 Nov 2026 12:00:00 GMT\r\n"),
    expected: r("smtp", "Sendmail", "8.17.1.9"),
  },
  { name: "Dovecot POP3", reply: text("+OK Dovecot (Debian) ready.\r\n"), expected: r("pop3", "Dovecot") },
  {
    name: "Dovecot IMAP",
    reply: text(
      "* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot (Debian) ready.\r\n",
    ),
    expected: r("imap", "Dovecot"),
  },
  {
    name: "Cyrus IMAP",
    reply: text("* OK imap.example.test Cyrus IMAP 3.6.1-Debian server ready\r\n"),
    expected: r("imap", "Cyrus IMAP", "3.6.1"),
  },
  {
    name: "Debian telnetd",
    reply: Buffer.from([0xff, 0xfd, 0x18, 0xff, 0xfd, 0x20, 0xff, 0xfd, 0x23, 0xff, 0xfd, 0x27]),
    expected: r("telnet"),
  },
  { name: "VNC", reply: text("RFB 003.008\n"), expected: r("vnc", null, null, { protocolVersion: "3.8" }) },
  { name: "Redis PONG", reply: text("+PONG\r\n"), expected: r("redis", null, null, { unauthenticatedAccess: true }) },
  {
    name: "Redis NOAUTH",
    reply: text("-NOAUTH Authentication required.\r\n"),
    expected: r("redis", null, null, { unauthenticatedAccess: false }),
  },
  {
    name: "Redis protected mode",
    reply: text(
      "-DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user.\r\n",
    ),
    expected: r("redis", null, null, { unauthenticatedAccess: false }),
  },
  {
    name: "Redis answering HTTP",
    reply: text("-ERR wrong number of arguments for 'get' command\r\n"),
    expected: r("redis"),
  },
  {
    name: "Redis INFO server",
    reply: text(
      "$120\r\n# Server\r\nredis_version:7.0.15\r\nredis_git_sha1:00000000\r\nredis_mode:standalone\r\nos:Linux 6.1.0-18-amd64 x86_64\r\n\r\n",
    ),
    expected: r("redis", "Redis", "7.0.15", { unauthenticatedAccess: true }),
  },
  {
    name: "Valkey INFO server",
    reply: text("$99\r\n# Server\r\nredis_version:7.2.4\r\nserver_name:valkey\r\nvalkey_version:8.0.1\r\n\r\n"),
    expected: r("redis", "Valkey", "8.0.1", { unauthenticatedAccess: true }),
  },
  { name: "memcached version", reply: text("VERSION 1.6.18\r\n"), expected: r("memcached", "Memcached", "1.6.18") },
  {
    name: "memcached answering HTTP",
    reply: text("ERROR\r\nERROR\r\nERROR\r\n"),
    expected: r("memcached", "Memcached"),
  },
  {
    name: "MariaDB 10.11 handshake",
    reply: mysqlHandshake("5.5.5-10.11.6-MariaDB-0+deb12u1"),
    expected: revised(r("mysql", "MariaDB", "10.11.6"), "0+deb12u1"),
  },
  {
    name: "MariaDB 11 handshake",
    reply: mysqlHandshake("11.4.2-MariaDB-ubu2404"),
    expected: revised(r("mysql", "MariaDB", "11.4.2"), "ubu2404"),
  },
  {
    name: "MySQL 8 handshake",
    reply: mysqlHandshake("8.0.36-0ubuntu0.22.04.1"),
    expected: revised(r("mysql", "MySQL", "8.0.36"), "0ubuntu0.22.04.1"),
  },
  { name: "MariaDB host not allowed", reply: mysqlHostNotAllowed, expected: r("mysql", "MariaDB") },
  { name: "PostgreSQL SSL refused", reply: text("N"), expected: r("postgresql") },
  { name: "PostgreSQL SSL accepted", reply: text("S"), expected: r("postgresql") },
  { name: "PostgreSQL startup without user", reply: pgFatal, expected: r("postgresql", "PostgreSQL") },
  { name: "PostgreSQL SCRAM request", reply: pgSasl, expected: r("postgresql") },
  { name: "MongoDB hello", reply: mongoHello, expected: r("mongodb", "MongoDB") },
  { name: "MongoDB buildInfo", reply: mongoBuildInfo, expected: r("mongodb", "MongoDB", "7.0.5") },
  { name: "MQTT 3.1.1 CONNACK accepted", reply: Buffer.from([0x20, 0x02, 0x00, 0x00]), expected: r("mqtt") },
  { name: "MQTT CONNACK not authorised", reply: Buffer.from([0x20, 0x02, 0x00, 0x05]), expected: r("mqtt") },
  { name: "MQTT 5 CONNACK", reply: Buffer.from([0x20, 0x03, 0x00, 0x00, 0x00]), expected: r("mqtt") },
  { name: "RabbitMQ Connection.Start", reply: amqpStart, expected: r("amqp", "RabbitMQ", "3.12.1") },
  { name: "AMQP protocol header", reply: text("AMQP\x00\x00\x09\x01"), expected: r("amqp") },
  {
    name: "389 Directory rootDSE",
    reply: ldapEntry389,
    expected: r("ldap", "389 Project", "389-Directory/2.3.4 B2023.192.0000"),
  },
  { name: "OpenLDAP rootDSE", reply: ldapEntryOpenldap, expected: r("ldap", "OpenLDAP") },
  { name: "rootDSE naming no vendor", reply: ldapEntryAnonymous, expected: r("ldap") },
  {
    name: "LDAP notice of disconnection",
    reply: tlv(
      0x30,
      Buffer.concat([
        ldapInt(0),
        tlv(0x78, Buffer.concat([tlv(0x0a, Buffer.from([2])), ldapString(""), ldapString("protocol error")])),
      ]),
    ),
    expected: r("ldap"),
  },
  {
    name: "BIND version.bind, authoritative only",
    reply: dnsVersionReply("9.18.28-1~deb12u2-Debian", 0),
    expected: revised(r("dns", "BIND", "9.18.28", noRecursion), "1~deb12u2-Debian"),
  },
  {
    name: "Unbound version.bind, recursion offered",
    reply: dnsVersionReply("unbound 1.17.1", 0, true),
    expected: r("dns", "Unbound", "1.17.1", openResolver),
  },
  {
    name: "dnsmasq version.bind, recursion offered",
    reply: dnsVersionReply("dnsmasq-2.89", 0, true),
    expected: r("dns", "dnsmasq", "2.89", openResolver),
  },
  { name: "DNS REFUSED", reply: dnsVersionReply(null, 5), expected: r("dns", null, null, noRecursion) },
  {
    name: "DNS REFUSED by a resolver that serves others",
    reply: dnsVersionReply(null, 5, true),
    expected: r("dns", null, null, noRecursion),
  },
  {
    name: "DNS SERVFAIL with RA says nothing about recursion",
    reply: dnsVersionReply(null, 2, true),
    expected: r("dns", null, null, {}),
  },
  {
    name: "DNS with hidden version",
    reply: dnsVersionReply("none of your business", 0),
    expected: r("dns", null, null, noRecursion),
  },
  {
    name: "RDP connection confirm",
    reply: Buffer.from([
      0x03, 0x00, 0x00, 0x13, 0x0e, 0xd0, 0x00, 0x00, 0x12, 0x34, 0x00, 0x02, 0x1f, 0x08, 0x00, 0x02, 0x00, 0x00, 0x00,
    ]),
    expected: r("rdp"),
  },
  {
    name: "RDP negotiation failure: standard RDP security only",
    reply: Buffer.from([
      0x03, 0x00, 0x00, 0x13, 0x0e, 0xd0, 0x00, 0x00, 0x12, 0x34, 0x00, 0x03, 0x00, 0x08, 0x00, 0x02, 0x00, 0x00, 0x00,
    ]),
    expected: r("rdp"),
  },
  {
    name: "SMB2 negotiate response",
    reply: smbNegotiateResponse,
    expected: r("smb", null, null, { protocolVersion: "3.0.2" }),
  },
  {
    name: "SMB1-only server",
    reply: Buffer.concat([Buffer.from([0, 0, 0, 0x23, 0xff, 0x53, 0x4d, 0x42, 0x72]), Buffer.alloc(30)]),
    expected: r("smb", null, null, { protocolVersion: "1" }),
  },
  {
    name: "Microsoft SQL Server 2019 PRELOGIN",
    reply: mssqlPrelogin,
    expected: r("mssql", "Microsoft SQL Server", "15.0.2000.5"),
  },
  { name: "TLS alert", reply: Buffer.from([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46]), expected: r("tls") },
];
