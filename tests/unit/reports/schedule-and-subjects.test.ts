import { describe, expect, it } from "vitest";
import { latestScheduledSend, nextScheduledSend, reportPeriodStart } from "@/lib/reports/schedule";
import { headerSafe, scanAlertSubject } from "@/lib/alerts/alert-text";
import type { AlertData } from "@/lib/alerts/alert-data";
import { slug } from "@/lib/reports/format";

describe("report schedule in the organisation's time zone", () => {
  it("weekly is Monday 08:00 local time (07:00 UTC in Amsterdam's winter)", () => {
    // Wednesday 2 December 2026.
    const now = new Date("2026-12-02T12:00:00Z");
    expect(nextScheduledSend("WEEKLY", "Europe/Amsterdam", now)?.toISOString()).toBe("2026-12-07T07:00:00.000Z");
    expect(nextScheduledSend("WEEKLY", "America/New_York", now)?.toISOString()).toBe("2026-12-07T13:00:00.000Z");
    expect(nextScheduledSend("OFF", "UTC", now)).toBeNull();
  });

  it("a send time is due for a day after it passed, then skipped rather than sent late", () => {
    const monday = new Date("2026-11-30T07:00:00Z");
    expect(latestScheduledSend("WEEKLY", "Europe/Amsterdam", new Date("2026-11-30T07:10:00Z"))).toEqual(monday);
    expect(latestScheduledSend("WEEKLY", "Europe/Amsterdam", new Date("2026-11-30T06:59:00Z"))).toBeNull();
    expect(latestScheduledSend("WEEKLY", "Europe/Amsterdam", new Date("2026-12-02T07:10:00Z"))).toBeNull();
    expect(latestScheduledSend("DAILY", "Asia/Kolkata", new Date("2026-12-02T02:40:00Z"))?.toISOString()).toBe(
      "2026-12-02T02:30:00.000Z",
    );
  });

  it("a period reaches back one day, week or month", () => {
    const end = new Date("2026-12-01T07:00:00Z");
    expect(reportPeriodStart("DAILY", end).toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(reportPeriodStart("WEEKLY", end).toISOString()).toBe("2026-11-24T07:00:00.000Z");
    expect(reportPeriodStart("MONTHLY", end).toISOString()).toBe("2026-11-01T07:00:00.000Z");
  });
});

const alert = (overrides: Partial<AlertData>): AlertData => ({
  kind: "PORT_OPENED",
  severity: "critical",
  assetId: "a1",
  assetValue: "lab.example.test",
  ip: "192.0.2.10",
  port: 3389,
  protocol: "tcp",
  typicalService: "ms-wbt-server",
  pendingClassification: false,
  detectedService: "ms-wbt-server",
  product: null,
  version: null,
  previousService: null,
  evidence: [],
  remediation: null,
  grade: null,
  findingUrl: "https://portwatch.example.test/assets/a1",
  detectedAt: "2026-11-30T07:00:00.000Z",
  ...overrides,
});

describe("alert subjects", () => {
  it("say what happened, with the grade move and how many more", () => {
    expect(scanAlertSubject([alert({ grade: { before: "C", after: "D" } })])).toBe(
      "lab.example.test: port 3389 (ms-wbt-server) opened — grade C → D",
    );
    expect(scanAlertSubject([alert({}), alert({ port: 6379, detectedService: "redis" })])).toBe(
      "lab.example.test: port 3389 (ms-wbt-server) opened (+1 more)",
    );
    expect(scanAlertSubject([alert({ kind: "GRADE_DROPPED", port: null, grade: { before: "B", after: "C" } })])).toBe(
      "lab.example.test: grade B → C",
    );
  });

  it("carry no line breaks or markup from what the network said", () => {
    const subject = scanAlertSubject([alert({ detectedService: "evil\r\nBcc: x@example.test <b>" })]);
    expect(subject).not.toMatch(/[\r\n<>@]/);
    expect(headerSafe("a\r\nb")).toBe("a b");
  });

  it("file names keep only a slug of the organisation's name", () => {
    expect(slug('Acme "Corp"\r\n/../x')).toBe("acme-corp-x");
    expect(slug("日本")).toBe("organization");
  });
});
