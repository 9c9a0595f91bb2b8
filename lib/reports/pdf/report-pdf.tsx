import { Document, Line, Page, Polyline, Rect, StyleSheet, Svg, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { SEVERITY_LABEL } from "@/lib/findings/severity";
import type { ReportData } from "../build-report";
import {
  CHART_HEIGHT,
  CHART_WIDTH,
  scoreLineGeometry,
  severityBarsGeometry,
  type Label,
} from "../charts/chart-geometry";
import { changeText, formatDay, gradeText, serviceText, typicalText } from "../format";

const s = StyleSheet.create({
  page: { padding: 36, fontSize: 10, fontFamily: "Helvetica", color: "#1e293b" },
  h1: { fontSize: 18, fontFamily: "Helvetica-Bold", marginBottom: 4 },
  h2: { fontSize: 13, fontFamily: "Helvetica-Bold", marginTop: 14, marginBottom: 6 },
  muted: { color: "#475569", fontSize: 9 },
  grade: { fontSize: 16, fontFamily: "Helvetica-Bold", marginTop: 8 },
  card: { borderWidth: 1, borderColor: "#e2e8f0", borderRadius: 4, padding: 6, marginBottom: 6 },
  bold: { fontFamily: "Helvetica-Bold" },
  mono: { fontFamily: "Courier", fontSize: 8 },
  row: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: "#e2e8f0", paddingVertical: 3 },
});

const KIND_TEXT = { PORT_OPENED: "opened", PORT_CLOSED: "closed", SERVICE_CHANGED: "service changed" } as const;

function ChartLabels({ labels }: { labels: Label[] }) {
  return labels.map((l, i) => (
    <Text key={i} x={l.x} y={l.y} textAnchor={l.anchor} style={{ fontSize: 8 }} fill="#334155">
      {l.text}
    </Text>
  ));
}

/** The score trend as vector shapes: the same geometry as the mail's PNG. */
function ScoreChart({ report }: { report: ReportData }) {
  const until = report.periodEnd.getTime();
  const g = scoreLineGeometry(report.scoreTrend, until - 89 * 24 * 3600 * 1000, until);
  return (
    <Svg width={CHART_WIDTH} height={CHART_HEIGHT} viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}>
      {g.gridLines.map((l, i) => (
        <Line key={i} x1={36} x2={CHART_WIDTH - 8} y1={l.y} y2={l.y} stroke="#e2e8f0" strokeWidth={1} />
      ))}
      {g.points.length > 0 && (
        <Polyline
          points={g.points.map((p) => `${p.x},${p.y}`).join(" ")}
          stroke="#0f172a"
          strokeWidth={2}
          fill="none"
        />
      )}
      <ChartLabels labels={g.labels} />
    </Svg>
  );
}

function SeverityChart({ report }: { report: ReportData }) {
  const g = severityBarsGeometry(report.openBySeverity);
  return (
    <Svg width={CHART_WIDTH} height={CHART_HEIGHT} viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}>
      {g.bars.map((b) => (
        <Rect key={b.severity} x={b.x} y={b.y} width={b.width} height={b.height} fill={b.colour} />
      ))}
      <ChartLabels labels={g.labels} />
    </Svg>
  );
}

function ReportDocument({ report }: { report: ReportData }) {
  const change = changeText(report, report.previous);
  return (
    <Document title={`Open Ports report — ${report.organizationName}`} author="Portwatch" creator="Portwatch">
      <Page size="A4" style={s.page}>
        <Text style={s.h1}>Open Ports report — {report.organizationName}</Text>
        <Text style={s.muted}>
          {formatDay(report.periodStart, report.timeZone)} – {formatDay(report.periodEnd, report.timeZone)}
        </Text>
        <Text style={s.grade}>Grade {gradeText(report.grade, report.score)}</Text>
        {change && <Text>Score {change}.</Text>}
        <Text>
          {report.openPorts} open ports on {report.assetCount} assets.
        </Text>

        <Text style={s.h2}>Score, last 90 days</Text>
        <ScoreChart report={report} />
        <Text style={s.h2}>Open ports by severity</Text>
        <SeverityChart report={report} />

        <Text style={s.h2} break>
          Changes in this period
        </Text>
        <Text>
          {report.changes.opened} opened, {report.changes.closed} closed, {report.changes.changed} changed.
        </Text>
        {report.changes.list.map((c, i) => (
          <Text key={i} style={s.muted}>
            {formatDay(c.at, report.timeZone)} · {c.assetValue} · {c.ip} port {c.port}/{c.protocol} {KIND_TEXT[c.kind]}
            {c.after ? ` — ${serviceText(c.after.detectedService ?? null, c.after.product, c.after.version)}` : ""}
          </Text>
        ))}

        <Text style={s.h2}>Riskiest findings</Text>
        {report.riskiest.length === 0 && <Text>No risky open ports.</Text>}
        {report.riskiest.map((f, i) => (
          <View key={i} style={s.card} wrap={false}>
            <Text style={s.bold}>
              {SEVERITY_LABEL[f.severity]} · {f.assetValue} · {f.ip} port {f.port}/{f.protocol}
            </Text>
            <Text>
              Typical service: {typicalText(f.typicalService, f.pendingClassification)}. Detected:{" "}
              {serviceText(f.detectedService, f.product, f.version)}.
            </Text>
            <Text>{f.remediationTitle}</Text>
            <Text style={s.mono}>{f.remediationFix}</Text>
          </View>
        ))}

        <Text style={s.h2}>Assets</Text>
        <View style={[s.row, s.bold]}>
          <Text style={{ width: "60%" }}>Asset</Text>
          <Text style={{ width: "25%" }}>Grade</Text>
          <Text style={{ width: "15%" }}>Open ports</Text>
        </View>
        {report.assets.map((a, i) => (
          <View key={i} style={s.row} wrap={false}>
            <Text style={{ width: "60%" }}>{a.value}</Text>
            <Text style={{ width: "25%" }}>{gradeText(a.grade, a.score)}</Text>
            <Text style={{ width: "15%" }}>{a.openPorts}</Text>
          </View>
        ))}
        <Text style={[s.muted, { marginTop: 12 }]}>Dashboard: {report.dashboardUrl}</Text>
        <Text
          style={[s.muted, { position: "absolute", bottom: 20, left: 36, right: 36, textAlign: "center" }]}
          render={({ pageNumber, totalPages }) => `Portwatch · page ${pageNumber} of ${totalPages}`}
          fixed
        />
      </Page>
    </Document>
  );
}

/** The report as a PDF: text and vector charts, built-in fonts only (nothing fetched at render time). */
export function renderReportPdf(report: ReportData): Promise<Buffer> {
  return renderToBuffer(<ReportDocument report={report} />);
}
