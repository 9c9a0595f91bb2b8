import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EvidencePanel } from "@/components/asset-page/evidence-panel";
import type { OpenPortRow } from "@/lib/asset-page/open-ports";

const smbPort: OpenPortRow = {
  id: "p1",
  ip: "192.0.2.10",
  port: 445,
  protocol: "tcp",
  state: "open",
  typicalService: "microsoft-ds",
  pendingClassification: false,
  detectedService: "microsoft-ds",
  product: null,
  version: null,
  versionRevision: null,
  tls: null,
  banner: null,
  facts: {
    protocolVersion: "3.1.1",
    operatingSystem: "Windows Server 2022 (NT 10.0 build 20348)",
    hostName: "filesrv01.corp.example.test",
    domainName: "corp.example.test",
  },
  hostname: "files.example.test",
  catchAll: false,
  severity: "critical",
  contribution: 40,
  ruleId: null,
  reason: null,
  firstSeenAt: new Date("2026-11-01T00:00:00Z"),
  lastSeenAt: new Date("2026-11-28T00:00:00Z"),
  openedByScanRunId: "run1",
};

describe("evidence panel", () => {
  it("shows what a service disclosed before login: dialect, operating system, names", () => {
    const html = renderToStaticMarkup(<EvidencePanel port={smbPort} />);
    expect(html).toContain("Protocol version or dialect: 3.1.1.");
    expect(html).toContain("Operating system stated before login: Windows Server 2022 (NT 10.0 build 20348).");
    expect(html).toContain("Names disclosed before login: filesrv01.corp.example.test, domain corp.example.test.");
  });

  it("says when a service let us in without credentials, and which methods it offers", () => {
    const vnc = { ...smbPort, port: 5900, facts: { unauthenticatedAccess: true, authenticationMethods: ["None"] } };
    const html = renderToStaticMarkup(<EvidencePanel port={vnc} />);
    expect(html).toContain("Anyone can use this service: it let us in without credentials.");
    expect(html).toContain("Authentication offered: None.");
  });
});
