"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartDataTable } from "./chart-data-table";

export interface ServiceBarData {
  service: string;
  typical: number;
  detected: number;
  mismatched: number;
}

/** Per service: open ports registered for it (typical) against ports where it actually answered (detected). */
export function ServiceComparisonChart({ services }: { services: ServiceBarData[] }) {
  const title = "Typical versus detected service";
  return (
    <figure aria-label={title}>
      <figcaption className="mb-2 text-sm font-medium text-slate-900">{title}</figcaption>
      {services.length === 0 ? (
        <p className="flex h-40 items-center justify-center rounded border border-dashed border-slate-300 text-sm text-slate-600">
          No open ports yet.
        </p>
      ) : (
        <div style={{ height: 48 + services.length * 34 }} aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={services}
              layout="vertical"
              margin={{ top: 0, right: 12, bottom: 0, left: 0 }}
              accessibilityLayer={false}
            >
              <CartesianGrid stroke="#e2e8f0" horizontal={false} />
              <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: "#475569" }} />
              <YAxis type="category" dataKey="service" width={96} tick={{ fontSize: 11, fill: "#334155" }} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
              <Bar
                dataKey="typical"
                name="Typical (registered for the port)"
                fill="#64748b"
                isAnimationActive={false}
              />
              <Bar dataKey="detected" name="Detected (answered)" fill="#1d4ed8" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      <ChartDataTable
        caption={title}
        columns={["Service", "Ports with it as typical", "Ports running it", "Typical but something else answered"]}
        rows={services.map((s) => [s.service, s.typical, s.detected, s.mismatched])}
      />
    </figure>
  );
}
