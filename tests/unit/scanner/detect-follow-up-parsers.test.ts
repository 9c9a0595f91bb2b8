/**
 * The parsers behind second questions (VNC security types, MQTT $SYS version, RDP security protocols)
 * and STARTTLS (LDAP StartTLS result, MySQL SSL capability): samples of what real servers send, and
 * totality on any bytes.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientVersion, parseSecurityTypes, securityFacts } from "@/lib/scanner/detect/protocols/vnc";
import { connackReturnCode, parseBrokerVersion, SUBSCRIBE_BROKER_VERSION } from "@/lib/scanner/detect/protocols/mqtt";
import { connectionRequest, PROTOCOL_STANDARD, rdpMethods, rdpNegotiation } from "@/lib/scanner/detect/protocols/rdp";
import { isLdapStartTlsSuccess, LDAP_STARTTLS_REQUEST } from "@/lib/scanner/detect/protocols/ldap";
import { mysqlSslRequest } from "@/lib/scanner/detect/protocols/mysql";
import { smbDialect } from "@/lib/scanner/detect/protocols/smb";
import { recogniseMssql } from "@/lib/scanner/detect/protocols/mssql";

const bytes = (...values: number[]) => Buffer.from(values);

describe("VNC security types", () => {
  it("answers 3.8 to 3.8 and to Apple's 3.889, 3.3 to 3.3", () => {
    expect(clientVersion(Buffer.from("RFB 003.008\n"))?.toString()).toBe("RFB 003.008\n");
    expect(clientVersion(Buffer.from("RFB 003.889\n"))?.toString()).toBe("RFB 003.008\n");
    expect(clientVersion(Buffer.from("RFB 003.003\n"))?.toString()).toBe("RFB 003.003\n");
    expect(clientVersion(Buffer.from("SSH-2.0-x\r\n"))).toBeNull();
  });

  it("reads the offered types; None makes the server open to anyone", () => {
    const v38 = Buffer.from("RFB 003.008\n");
    expect(parseSecurityTypes(bytes(2, 1, 2), v38)).toEqual([1, 2]);
    expect(securityFacts([1, 2])).toEqual({
      authenticationMethods: ["None", "VNC Authentication"],
      unauthenticatedAccess: true,
    });
    expect(securityFacts([19, 2])).toEqual({
      authenticationMethods: ["VeNCrypt", "VNC Authentication"],
      unauthenticatedAccess: false,
    });
    expect(parseSecurityTypes(bytes(0, 0, 0, 2), Buffer.from("RFB 003.003\n"))).toEqual([2]);
    expect(securityFacts(parseSecurityTypes(bytes(0), v38)!)).toEqual({});
  });
});

describe("MQTT", () => {
  it("reads the CONNACK return code", () => {
    expect(connackReturnCode(bytes(0x20, 0x02, 0x00, 0x00))).toBe(0);
    expect(connackReturnCode(bytes(0x20, 0x02, 0x00, 0x05))).toBe(5);
    expect(connackReturnCode(Buffer.from("HTTP/1.1 400"))).toBeNull();
  });

  it("subscribes (never publishes) and reads Mosquitto's retained version after the SUBACK", () => {
    expect(SUBSCRIBE_BROKER_VERSION[0]).toBe(0x82);
    const topic = Buffer.from("$SYS/broker/version");
    const payload = Buffer.from("mosquitto version 2.0.11");
    const publish = Buffer.concat([bytes(0x31, 2 + topic.length + payload.length, 0, topic.length), topic, payload]);
    const reply = Buffer.concat([bytes(0x90, 0x03, 0x70, 0x77, 0x00), publish]);
    expect(parseBrokerVersion(reply)).toEqual({ protocol: "mqtt", product: "Mosquitto", version: "2.0.11" });
    expect(parseBrokerVersion(bytes(0x90, 0x03, 0x70, 0x77, 0x80))).toBeNull();
  });
});

describe("RDP security protocols", () => {
  const confirm = (type: number, value: number) =>
    bytes(0x03, 0, 0, 0x13, 0x0e, 0xd0, 0, 0, 0x12, 0x34, 0, type, 0, 0x08, 0, value, 0, 0, 0);

  it("names the protocol selected and whether Standard RDP Security is still accepted", () => {
    expect(rdpNegotiation(confirm(2, 2))).toEqual({ selected: "CredSSP (NLA)" });
    expect(rdpMethods(rdpNegotiation(confirm(2, 2)), rdpNegotiation(confirm(3, 5)))).toEqual(["CredSSP (NLA)"]);
    expect(rdpMethods(rdpNegotiation(confirm(2, 1)), rdpNegotiation(confirm(2, 0)))).toEqual([
      "TLS",
      "Standard RDP Security",
    ]);
    expect(rdpMethods(rdpNegotiation(confirm(3, 2)), null)).toEqual(["Standard RDP Security"]);
    expect(connectionRequest(PROTOCOL_STANDARD)[15]).toBe(0);
  });
});

describe("STARTTLS answers", () => {
  it("accepts only a successful ExtendedResponse to our LDAP StartTLS request", () => {
    expect(LDAP_STARTTLS_REQUEST.includes(Buffer.from("1.3.6.1.4.1.1466.20037"))).toBe(true);
    const ok = bytes(0x30, 0x0c, 0x02, 0x01, 0x51, 0x78, 0x07, 0x0a, 0x01, 0x00, 0x04, 0x00, 0x04, 0x00);
    expect(isLdapStartTlsSuccess(ok)).toBe(true);
    const refused = Buffer.from(ok);
    refused[9] = 0x02; // protocolError
    expect(isLdapStartTlsSuccess(refused)).toBe(false);
  });

  it("sends MySQL's SSLRequest only when the handshake advertises CLIENT_SSL", () => {
    const handshake = (capabilities: number) => {
      const payload = Buffer.concat([
        bytes(0x0a),
        Buffer.from("10.11.6-MariaDB\0"),
        Buffer.alloc(4),
        Buffer.alloc(8),
        bytes(0),
        bytes(capabilities & 0xff, capabilities >> 8),
        bytes(0x2d),
      ]);
      return Buffer.concat([bytes(payload.length, 0, 0, 0), payload]);
    };
    const request = mysqlSslRequest(handshake(0xfffe))!;
    expect(request.subarray(0, 4)).toEqual(bytes(32, 0, 0, 1));
    expect(request.readUInt32LE(4) & 0x0800).toBe(0x0800);
    expect(request[12]).toBe(0x2d);
    expect(mysqlSslRequest(handshake(0xfffe & ~0x0800))).toBeNull();
  });
});

describe("new parsers are total", () => {
  const anyBytes = fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b));
  it.each([
    ["parseSecurityTypes", (b: Buffer) => parseSecurityTypes(b, Buffer.from("RFB 003.008\n"))],
    ["parseBrokerVersion", parseBrokerVersion],
    ["connackReturnCode", connackReturnCode],
    ["rdpNegotiation", rdpNegotiation],
    ["isLdapStartTlsSuccess", isLdapStartTlsSuccess],
    ["mysqlSslRequest", mysqlSslRequest],
    ["smbDialect", smbDialect],
    ["recogniseMssql", recogniseMssql],
    ["clientVersion", clientVersion],
  ] as const)("%s never throws", (_name, parse) => {
    fc.assert(
      fc.property(anyBytes, (b) => void (parse as (b: Buffer) => unknown)(b)),
      { numRuns: 500 },
    );
  });
});
