import type { Severity } from "@/lib/grading";
import { shortDay, stepLinePoints } from "@/lib/charts/step-line";
import { SEVERITIES, SEVERITY_COLOUR, SEVERITY_LABEL } from "@/lib/findings/severity";

/**
 * Where the report's two charts put their marks, in chart units: the mail's PNG (drawn as SVG, then
 * rasterised) and the PDF's vector shapes draw the same geometry, so they always agree.
 */

export const CHART_WIDTH = 520;
export const CHART_HEIGHT = 180;
const LEFT = 36;
const RIGHT = 8;
const TOP = 10;
const BOTTOM = 22;

export interface Label {
  x: number;
  y: number;
  text: string;
  anchor: "start" | "middle" | "end";
}

export interface ScoreLineGeometry {
  /** The score line, oldest first; empty when there is no grade yet. */
  points: { x: number; y: number }[];
  gridLines: { y: number }[];
  labels: Label[];
}

const DAY_MS = 24 * 3600 * 1000;

/** Score (0–100) over the days from `since` to `until`; a step line, since a grade holds until the next one. */
export function scoreLineGeometry(
  series: { day: number; score: number }[],
  since: number,
  until: number,
): ScoreLineGeometry {
  const plotW = CHART_WIDTH - LEFT - RIGHT;
  const plotH = CHART_HEIGHT - TOP - BOTTOM;
  const span = Math.max(until - since, DAY_MS);
  const x = (day: number) => LEFT + (Math.min(Math.max(day, since), until) - since) * (plotW / span);
  const y = (score: number) => TOP + plotH - (score / 100) * plotH;
  const points = stepLinePoints(series, x, y, until);
  const labels: Label[] = [0, 50, 100].map((s) => ({ x: LEFT - 6, y: y(s) + 4, text: String(s), anchor: "end" }));
  labels.push(
    { x: LEFT, y: CHART_HEIGHT - 6, text: shortDay(since), anchor: "start" },
    { x: LEFT + plotW, y: CHART_HEIGHT - 6, text: shortDay(until), anchor: "end" },
  );
  return { points, gridLines: [0, 50, 100].map((s) => ({ y: y(s) })), labels };
}

export interface SeverityBar {
  severity: Severity;
  colour: string;
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
}

/** One horizontal bar per severity (worst first), labelled with its count. */
export function severityBarsGeometry(counts: Record<Severity, number>): { bars: SeverityBar[]; labels: Label[] } {
  const labelW = 70;
  const plotW = CHART_WIDTH - labelW - 50;
  const rowH = (CHART_HEIGHT - TOP) / SEVERITIES.length;
  const max = Math.max(1, ...SEVERITIES.map((s) => counts[s]));
  const bars: SeverityBar[] = [];
  const labels: Label[] = [];
  SEVERITIES.forEach((severity, i) => {
    const y = TOP + i * rowH;
    const width = counts[severity] === 0 ? 0 : Math.max(2, (counts[severity] / max) * plotW);
    bars.push({
      severity,
      colour: SEVERITY_COLOUR[severity],
      x: labelW,
      y: y + 4,
      width,
      height: rowH - 8,
      count: counts[severity],
    });
    labels.push(
      { x: labelW - 8, y: y + rowH / 2 + 4, text: SEVERITY_LABEL[severity], anchor: "end" },
      { x: labelW + width + 6, y: y + rowH / 2 + 4, text: String(counts[severity]), anchor: "start" },
    );
  });
  return { bars, labels };
}
