import { Button, Heading, Img, Link, Section, Text } from "@react-email/components";
import { SEVERITY_LABEL } from "@/lib/findings/severity";
import type { ReportData } from "../build-report";
import { changeText, formatDay, gradeText, serviceText, typicalText } from "../format";
import { MailLayout, styles } from "./mail-layout";

export const SCORE_CHART_CID = "score-trend@portwatch";
export const SEVERITY_CHART_CID = "open-ports@portwatch";

const KIND_TEXT = { PORT_OPENED: "opened", PORT_CLOSED: "closed", SERVICE_CHANGED: "service changed" } as const;

/** The report mail's HTML part. Every value is rendered as text by React: user-written names are escaped. */
export function ReportEmail({ report, unsubscribeUrl }: { report: ReportData; unsubscribeUrl: string }) {
  const change = changeText(report, report.previous);
  const period = `${formatDay(report.periodStart, report.timeZone)} – ${formatDay(report.periodEnd, report.timeZone)}`;
  return (
    <MailLayout
      preview={`Open Ports grade ${gradeText(report.grade, report.score)}${change ? `, ${change}` : ""}`}
      reason={`You receive this report as a member or chosen recipient of ${report.organizationName}.`}
      unsubscribeUrl={unsubscribeUrl}
    >
      <Heading as="h1" style={styles.h1}>
        Open Ports report — {report.organizationName}
      </Heading>
      <Text style={styles.muted}>{period}</Text>

      <Section style={styles.card}>
        <Text style={{ ...styles.text, fontSize: "18px", fontWeight: 700 }}>
          Grade {gradeText(report.grade, report.score)}
        </Text>
        {change && <Text style={styles.text}>Score {change}.</Text>}
        <Text style={styles.text}>
          {report.openPorts} open {report.openPorts === 1 ? "port" : "ports"} on {report.assetCount}{" "}
          {report.assetCount === 1 ? "asset" : "assets"}.
        </Text>
      </Section>

      <Heading as="h2" style={styles.h2}>
        Score, last 90 days
      </Heading>
      <Img
        src={`cid:${SCORE_CHART_CID}`}
        alt={`Score trend: ${report.scoreTrend.map((p) => p.score).join(", ") || "no grade yet"}`}
        width="520"
        style={styles.image}
      />

      <Heading as="h2" style={styles.h2}>
        Open ports by severity
      </Heading>
      <Img
        src={`cid:${SEVERITY_CHART_CID}`}
        alt={(Object.keys(SEVERITY_LABEL) as (keyof typeof SEVERITY_LABEL)[])
          .map((s) => `${SEVERITY_LABEL[s]} ${report.openBySeverity[s]}`)
          .join(", ")}
        width="520"
        style={styles.image}
      />

      <Heading as="h2" style={styles.h2}>
        Changes in this period
      </Heading>
      <Text style={styles.text}>
        {report.changes.opened} opened, {report.changes.closed} closed, {report.changes.changed} changed.
      </Text>
      {report.changes.list.map((c, i) => (
        <Text key={i} style={styles.muted}>
          {formatDay(c.at, report.timeZone)} · {c.assetValue} · {c.ip} port {c.port}/{c.protocol} {KIND_TEXT[c.kind]}
          {c.after ? ` — ${serviceText(c.after.detectedService ?? null, c.after.product, c.after.version)}` : ""}
        </Text>
      ))}

      <Heading as="h2" style={styles.h2}>
        Riskiest findings
      </Heading>
      {report.riskiest.length === 0 && <Text style={styles.text}>No risky open ports. Well done.</Text>}
      {report.riskiest.map((f, i) => (
        <Section key={i} style={styles.card}>
          <Text style={{ ...styles.text, fontWeight: 700 }}>
            {SEVERITY_LABEL[f.severity]} · {f.assetValue} · {f.ip} port {f.port}/{f.protocol}
          </Text>
          <Text style={styles.text}>
            Typical service: {typicalText(f.typicalService, f.pendingClassification)}. Detected:{" "}
            {serviceText(f.detectedService, f.product, f.version)}.
          </Text>
          <Text style={styles.text}>{f.remediationTitle}</Text>
          <Text style={styles.mono}>{f.remediationFix}</Text>
        </Section>
      ))}

      <Heading as="h2" style={styles.h2}>
        Assets
      </Heading>
      {report.assets.map((a, i) => (
        <Text key={i} style={styles.text}>
          {a.value}: {gradeText(a.grade, a.score)}, {a.openPorts} open {a.openPorts === 1 ? "port" : "ports"}
        </Text>
      ))}

      <Section style={{ margin: "20px 0 0" }}>
        <Button
          href={report.dashboardUrl}
          style={{ backgroundColor: "#0f172a", color: "#ffffff", padding: "10px 16px", borderRadius: "6px" }}
        >
          Open the dashboard
        </Button>
        <Text style={styles.muted}>
          The full report is attached as a PDF. <Link href={report.dashboardUrl}>{report.dashboardUrl}</Link>
        </Text>
      </Section>
    </MailLayout>
  );
}
