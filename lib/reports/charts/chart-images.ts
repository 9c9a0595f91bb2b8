import { Resvg } from "@resvg/resvg-js";
import type { Severity } from "@/lib/grading";
import { CHART_HEIGHT, CHART_WIDTH, scoreLineGeometry, severityBarsGeometry, type Label } from "./chart-geometry";

const FONT = "DejaVu Sans";

function labelsSvg(labels: Label[]): string {
  // Labels are digits, dates and severity names we wrote: nothing user-written reaches the SVG.
  return labels
    .map(
      (l) =>
        `<text x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" text-anchor="${l.anchor}" font-family="${FONT}" font-size="11" fill="#334155">${l.text}</text>`,
    )
    .join("");
}

function svg(body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${CHART_HEIGHT}" viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"><rect width="100%" height="100%" fill="#ffffff"/>${body}</svg>`;
}

export function scoreTrendSvg(series: { day: number; score: number }[], since: number, until: number): string {
  const g = scoreLineGeometry(series, since, until);
  const grid = g.gridLines
    .map((l) => `<line x1="36" x2="${CHART_WIDTH - 8}" y1="${l.y}" y2="${l.y}" stroke="#e2e8f0" stroke-width="1"/>`)
    .join("");
  const line =
    g.points.length > 0
      ? `<polyline fill="none" stroke="#0f172a" stroke-width="2" points="${g.points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ")}"/>`
      : "";
  return svg(grid + line + labelsSvg(g.labels));
}

export function severityBarsSvg(counts: Record<Severity, number>): string {
  const g = severityBarsGeometry(counts);
  const bars = g.bars
    .map(
      (b) =>
        `<rect x="${b.x}" y="${b.y.toFixed(1)}" width="${b.width.toFixed(1)}" height="${b.height.toFixed(1)}" fill="${b.colour}" rx="2"/>`,
    )
    .join("");
  return svg(bars + labelsSvg(g.labels));
}

/**
 * Rasterises a chart for mail (clients render neither SVG nor scripts), at twice the size so it stays
 * sharp on high-density screens; the HTML shows it at CHART_WIDTH. Fonts come from the system (DejaVu).
 */
export function chartPng(svgText: string): Buffer {
  return new Resvg(svgText, {
    fitTo: { mode: "zoom", value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: FONT },
  })
    .render()
    .asPng();
}
