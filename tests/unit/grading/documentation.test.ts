/** docs/grading.md is the published method: these tests fail when it and the code disagree. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  AMPLIFICATION_FACTORS,
  BASE_DEDUCTION,
  DIMINISHING_WEIGHTS,
  EXTRA_DEDUCTION,
  GRADE_BANDS,
  GRADING_METHOD_VERSION,
  gradeAsset,
  gradeOrganization,
  MAX_FINDING_DEDUCTION,
  ORG_WORST_ASSET_MARGIN,
  OTHER_SERVICE_RULE,
  PENDING_RULE,
  SERVICE_RULES,
  SEVERITY_CEILING,
  type Severity,
} from "@/lib/grading";
import { findingKey } from "@/lib/grading/canonical-order";
import { AS_OF, service } from "./finding-builder";
import { WORKED_EXAMPLE, WORKED_EXAMPLE_CATCH_ALL } from "./worked-example";

const doc = readFileSync(new URL("../../../docs/grading.md", import.meta.url), "utf8");

/** Table rows of the section whose heading starts with `heading`, as trimmed cells. */
function tableRows(heading: string): string[][] {
  const start = doc.indexOf(heading);
  if (start < 0) throw new Error(`docs/grading.md has no section "${heading}"`);
  const section = doc.slice(start).split(/\n#{2,3} /)[0]!;
  return section
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|[-| ]+\|$/.test(line))
    .slice(1) // header
    .map((line) =>
      line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

const codes = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

describe("docs/grading.md matches the code", () => {
  it("states the method version", () => {
    expect(doc).toContain(`Method version: **\`${GRADING_METHOD_VERSION}\`**`);
    expect(tableRows("## 12. Method versions").map((r) => r[0])).toContain(`\`${GRADING_METHOD_VERSION}\``);
  });

  it("lists every severity rule with its names, severity, points and TLS twin", () => {
    const rows = tableRows("## 3. Severity table");
    const rules = [...SERVICE_RULES, OTHER_SERVICE_RULE, PENDING_RULE];
    expect(rows.map((r) => codes(r[0]!)[0]).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const rule of rules) {
      const row = rows.find((r) => codes(r[0]!)[0] === rule.id)!;
      expect(codes(row[1]!), rule.id).toEqual([...rule.names]);
      expect(row[2], rule.id).toBe(rule.severity);
      expect(Number(row[3]), rule.id).toBe(BASE_DEDUCTION[rule.severity]);
      expect(row[4]!.match(/With TLS: `([^`]+)`/)?.[1], rule.id).toBe(rule.withTls);
    }
  });

  it("publishes the base points and ceilings", () => {
    const rows = tableRows("### Base points by severity");
    expect(rows.map((r) => r[0])).toEqual(["critical", "high", "medium", "low", "info"]);
    for (const [severity, points, ceiling] of rows) {
      expect(Number(points)).toBe(BASE_DEDUCTION[severity as Severity]);
      const published = ceiling === "—" ? undefined : Number(ceiling!.split(" ")[0]);
      expect(published).toBe(SEVERITY_CEILING[severity as Severity]);
    }
  });

  it("publishes the extras, the cap, the weights, the bands and the organisation margin", () => {
    const extras = Object.fromEntries(tableRows("### Extras").map((r) => [r[0], r[1]]));
    expect(extras["Service mismatch"]).toBe(`+${EXTRA_DEDUCTION.serviceMismatch}`);
    expect(extras["Expired certificate"]).toBe(`+${EXTRA_DEDUCTION.tlsExpired}`);
    expect(extras["Open access"]).toBe(`+${EXTRA_DEDUCTION.unauthenticatedAccess}`);
    expect(extras["Self-signed certificate"]).toBe(`+${EXTRA_DEDUCTION.tlsSelfSigned}`);
    expect(extras["Deprecated TLS"]).toBe(`+${EXTRA_DEDUCTION.tlsDeprecatedProtocol}`);
    expect(extras["UDP amplification"]).toBe(`round(${EXTRA_DEDUCTION.amplificationPerDecade} × log10(factor))`);
    expect(doc).toContain(`**No finding deducts more than ${MAX_FINDING_DEDUCTION} points**`);

    const weights = tableRows("## 5. Diminishing returns")[0]!
      .slice(1)
      .map((w) => (w.includes("/") ? 1 / Number(w.split("/")[1]) : Number(w)));
    expect(weights).toEqual([...DIMINISHING_WEIGHTS, 0]);

    const bands = tableRows("## 6. Asset score and letter").filter((r) => /^[A-F]$/.test(r[0]!));
    expect(bands.map(([grade, range]) => ({ grade, minScore: Number(range!.split("–")[0]) }))).toEqual(GRADE_BANDS);

    expect(doc).toContain(`round(min(mean, worst asset's score + ${ORG_WORST_ASSET_MARGIN}))`);
  });

  it("publishes each amplification factor and the deduction it really produces", () => {
    const rows = tableRows("### UDP amplification factors");
    expect(rows.map((r) => codes(r[0]!)[0]).sort()).toEqual(Object.keys(AMPLIFICATION_FACTORS).sort());
    for (const [idCell, factor, , , deductionCell] of rows) {
      const id = codes(idCell!)[0]!;
      expect(Number(factor), id).toBe(AMPLIFICATION_FACTORS[id]);
      const rule = SERVICE_RULES.find((r) => r.id === id)!;
      const f =
        rule.names.length > 0
          ? service(rule.names[0]!, 5000, { protocol: "udp" })
          : service("domain", 53, { protocol: "udp", facts: { recursionAvailable: true } });
      const graded = gradeAsset({ findings: [f] }, { asOf: AS_OF }).findings[0]!;
      expect(graded.ruleId, id).toBe(id);
      expect(Number(deductionCell!.match(/\*\*(\d+)\*\*/)![1]), id).toBe(graded.rawDeduction);
    }
  });
});

describe("the worked example (§8)", () => {
  const grade = (findings = WORKED_EXAMPLE) =>
    gradeAsset({ findings, catchAllHosts: WORKED_EXAMPLE_CATCH_ALL }, { asOf: AS_OF });

  it("gives the deductions of the table and 68 → D", () => {
    const result = grade();
    const rows = tableRows("## 8. Worked example").filter((r) => r[7] !== "" && r[7] !== undefined && r[1] !== "all");
    const published = rows.map((r) => [`192.0.2${r[0]}`, r[1], Number(r[7])]);
    const computed = result.findings.map((f) => [f.finding.ip, `${f.finding.port}/${f.finding.protocol}`, f.deduction]);
    expect(computed.sort()).toEqual(published.sort());
    expect(result).toMatchObject({ totalDeduction: 32, score: 68, grade: "D", ceiling: null });
    expect(result.catchAllHosts).toHaveLength(1);
    expect(doc).toContain("**score = 100 − 32 = 68 → D**");
  });

  it("closing IMAP and moving SSH off 8080 gives 82 → B; adding MySQL gives 48 → F", () => {
    const gone = new Set(["192.0.2.11|tcp|143", "192.0.2.11|tcp|8080"]);
    expect(grade(WORKED_EXAMPLE.filter((f) => !gone.has(findingKey(f))))).toMatchObject({
      totalDeduction: 18,
      score: 82,
      grade: "B",
    });
    expect(grade([...WORKED_EXAMPLE, service("mysql", 3306, { ip: "192.0.2.11" })])).toMatchObject({
      score: 48,
      grade: "F",
    });
    expect(doc).toContain("total 18, **82 → B**");
    expect(doc).toContain("**48 → F**");
  });

  it("makes an 87 → B organisation with two perfect assets", () => {
    const org = gradeOrganization([
      { id: "example.test", score: grade().score },
      { id: "shop.example.test", score: 100 },
      { id: "vpn.example.test", score: 100 },
    ]);
    expect(org).toMatchObject({ score: 87, grade: "B", worstAssetCeiling: 88 });
    expect(org.weightedMean).toBeCloseTo(87.28, 2);
    expect(doc).toContain("so **87 → B**");
  });
});
