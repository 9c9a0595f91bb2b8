import { describe, expect, it } from "vitest";
import { parseCliArgs } from "@/lib/scanner/cli/args";
import { formatCatchAll, formatProgress, formatTable, jsonLine } from "@/lib/scanner/cli/format";
import type { PortResult } from "@/lib/scanner/types";

const result = (over: Partial<PortResult> = {}): PortResult => ({
  target: "example.test",
  ip: "127.0.0.2",
  port: 22,
  protocol: "tcp",
  state: "open",
  typicalService: "ssh",
  pendingClassification: false,
  ianaService: { name: "ssh", description: "The Secure Shell (SSH) Protocol" },
  detectedService: "ssh",
  product: "OpenSSH",
  version: "9.2p1",
  versionRevision: "Debian-2+deb12u3",
  tls: null,
  banner: "SSH-2.0-OpenSSH_9.2p1",
  facts: {},
  ...over,
});

describe("parseCliArgs", () => {
  it("defaults to top-1000 TCP, open ports, table output", () => {
    expect(parseCliArgs(["example.test"])).toMatchObject({
      targets: ["example.test"],
      ports: "top-1000",
      udp: false,
      allStates: false,
      json: false,
      detect: true,
    });
  });

  it("--no-detect turns service detection off", () => {
    expect(parseCliArgs(["--no-detect", "example.test"]).detect).toBe(false);
  });

  it("reads every option; --udp-ports implies --udp", () => {
    const args = parseCliArgs([
      "--ports",
      "22,80",
      "--udp-ports",
      "53",
      "--all-states",
      "--json",
      "--progress",
      "a.test",
      "b.test",
    ]);
    expect(args).toMatchObject({
      ports: "22,80",
      udp: true,
      udpPorts: "53",
      allStates: true,
      json: true,
      progress: true,
    });
    expect(args.targets).toEqual(["a.test", "b.test"]);
  });

  it.each([
    [[], /no target/],
    [["--ports", "0", "a.test"], /1-65535/],
    [["--udp-ports", "x", "a.test"], /use ports/],
    [["--bogus", "a.test"], /Unknown option/],
    [["--ports"], /argument missing|requires|value/i],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCliArgs(argv as string[])).toThrow(message);
  });
});

describe("formatting", () => {
  it("writes exactly the documented JSON keys in order", () => {
    const line = jsonLine({ ...result(), extra: 1 } as PortResult);
    expect(Object.keys(JSON.parse(line))).toEqual([
      "target",
      "ip",
      "port",
      "protocol",
      "state",
      "typicalService",
      "pendingClassification",
      "ianaService",
      "detectedService",
      "product",
      "version",
      "versionRevision",
      "tls",
      "banner",
    ]);
  });

  it("aligns the table columns and shows pending classification", () => {
    const table = formatTable([
      result(),
      result({
        port: 31337,
        typicalService: null,
        pendingClassification: true,
        detectedService: null,
        product: null,
        version: null,
      }),
    ]).split("\n");
    expect(table[0]).toMatch(/^TARGET\s+IP\s+PORT\s+STATE\s+TYPICAL\s+IANA\s+DETECTED/);
    expect(table[1]).toContain("22/tcp");
    expect(table[2]).toContain("pending classification");
    const column = table[0]!.indexOf("STATE");
    expect(table[1]!.slice(column, column + 4)).toBe("open");
    expect(table[2]!.slice(column, column + 4)).toBe("open");
  });

  it("notes a redirect to HTTPS and an open resolver in the table, and keeps --json to the documented keys", () => {
    const table = formatTable([
      result({ port: 80, typicalService: "http", detectedService: "http", facts: { redirectsToHttps: true } }),
      result({ port: 53, typicalService: "domain", detectedService: "domain", facts: { recursionAvailable: true } }),
      result({ facts: { redirectsToHttps: false, recursionAvailable: false } }),
    ]).split("\n");
    expect(table[0]).toMatch(/\bNOTES$/);
    expect(table[1]).toMatch(/redirects to HTTPS$/);
    expect(table[2]).toMatch(/open resolver \(offers recursion\)$/);
    expect(table[3]).toMatch(/ -$/);
    expect(Object.keys(JSON.parse(jsonLine(result({ facts: { redirectsToHttps: true } }))))).not.toContain("facts");
  });

  it("never lets control characters reach the terminal", () => {
    const table = formatTable([result({ product: "evil\x1b[2J\u202e" })]);
    expect(table).not.toMatch(/[\x1b\u202e]/);
  });

  it("says so when nothing is open, and describes catch-all hosts and progress", () => {
    expect(formatTable([])).toBe("No open ports found.");
    expect(formatCatchAll({ target: "cdn.test", ip: "127.0.0.9", probedPorts: [40001, 50002] })).toContain(
      "40001, 50002",
    );
    expect(formatProgress({ hostsDone: 1, hostsTotal: 2, portsScanned: 50, portsTotal: 200, openFound: 3 })).toBe(
      "hosts 1/2  ports 50/200 (25%)  open 3",
    );
  });
});
