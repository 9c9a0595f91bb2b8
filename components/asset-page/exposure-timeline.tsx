import Link from "next/link";
import type { TimelineEntry } from "@/lib/asset-page/exposure-timeline";
import { LocalTime } from "@/components/ui/local-time";

const KIND = {
  PORT_OPENED: { label: "Opened", style: "bg-red-100 text-red-900" },
  PORT_CLOSED: { label: "Closed", style: "bg-emerald-100 text-emerald-900" },
  SERVICE_CHANGED: { label: "Service changed", style: "bg-amber-100 text-amber-900" },
} as const;

function service(side: TimelineEntry["before"]): string {
  if (!side) return "—";
  const name = side.detectedService ?? side.typicalService ?? "unidentified";
  const software = [side.product, side.version].filter(Boolean).join(" ");
  return software ? `${name} (${software})` : name;
}

/** Ports that opened, closed or changed service, newest first; `moreHref` links to the longer list when there is one. */
export function ExposureTimeline({ entries, moreHref }: { entries: TimelineEntry[]; moreHref?: string }) {
  if (entries.length === 0) return <p className="text-sm text-slate-700">No changes recorded yet.</p>;
  return (
    <>
      <ol className="space-y-2 text-sm">
        {entries.map((e) => (
          <li key={e.id} className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
            <LocalTime value={e.at} className="w-44 shrink-0 text-slate-700" />
            <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${KIND[e.kind].style}`}>
              {KIND[e.kind].label}
            </span>
            <span className="font-mono">
              {e.hostIp} {e.port}/{e.protocol}
            </span>
            <span className="text-slate-700">
              {e.kind === "PORT_OPENED"
                ? service(e.after)
                : e.kind === "PORT_CLOSED"
                  ? service(e.before)
                  : `${service(e.before)} → ${service(e.after)}`}
            </span>
          </li>
        ))}
      </ol>
      {moreHref && (
        <p className="mt-3 text-sm">
          <Link href={moreHref} className="text-blue-800 underline">
            Show older changes
          </Link>
        </p>
      )}
    </>
  );
}
