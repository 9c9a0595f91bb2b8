import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScoreBreakdown } from "@/components/asset-page/score-breakdown";
import type { ScoreBreakdown as Breakdown } from "@/lib/asset-page/asset-header";
import type { SnapshotFinding } from "@/lib/findings/snapshot-finding";

function finding(port: number, deduction: number): SnapshotFinding {
  return {
    ip: "192.0.2.10",
    port,
    protocol: "tcp",
    typicalService: "http",
    detectedService: "http",
    pendingClassification: false,
    product: null,
    version: null,
    firstSeen: null,
    ruleId: "web",
    severity: "low",
    reason: `Finding on ${port}`,
    deduction,
    rawDeduction: deduction,
    weight: 1,
    adjustments: [],
  };
}

const breakdown: Breakdown = {
  snapshotId: "s1",
  gradedAt: new Date("2026-11-28T00:00:00Z"),
  methodVersion: "2026.11",
  score: 70,
  grade: "C",
  totalDeduction: 30,
  ceiling: null,
  // 15 findings: port 1000 + i takes i points, so the largest are the highest ports.
  findings: Array.from({ length: 15 }, (_, i) => finding(1000 + i, i)),
  catchAllHosts: [],
  notGradedCount: 0,
};

describe("score breakdown", () => {
  it("lists the largest deductions first and links to all of them", () => {
    const html = renderToStaticMarkup(
      <ScoreBreakdown breakdown={breakdown} shown={10} showAllHref="/assets/a1?breakdown=all" />,
    );
    expect(html).toContain("Finding on 1014");
    expect(html).toContain("Finding on 1005");
    expect(html).not.toContain("Finding on 1004");
    expect(html).toContain("The 10 largest of 15 deductions.");
    expect(html).toContain('href="/assets/a1?breakdown=all"');
  });

  it("lists every deduction without a link when all are shown", () => {
    const html = renderToStaticMarkup(<ScoreBreakdown breakdown={breakdown} />);
    expect(html).toContain("Finding on 1000");
    expect(html).not.toContain("largest of");
  });
});
