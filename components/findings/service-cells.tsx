import { servicesDiffer } from "@/lib/findings/service-mismatch";

/** Shown where a port has no meaningful IANA registration and nothing was detected yet. */
export function PendingBadge() {
  return (
    <span
      className="inline-block rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-900 ring-1 ring-violet-300"
      title="The port is unassigned or its registration has fallen out of use; it is graded medium until a service is identified."
    >
      Pending classification
    </span>
  );
}

/** Marks a port whose detected service is not the one registered for it. */
export function MismatchMarker({ typical }: { typical: string | null }) {
  return (
    <span
      className="inline-block rounded bg-rose-100 px-1.5 py-0.5 text-xs font-semibold text-rose-900 ring-1 ring-rose-300"
      title={`Differs from the typical service${typical ? ` (${typical})` : ""}`}
    >
      ≠ typical
    </span>
  );
}

export function TypicalService({ typical, pending }: { typical: string | null; pending: boolean }) {
  if (pending && !typical) return <PendingBadge />;
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className="font-mono">{typical ?? "—"}</span>
      {pending && <PendingBadge />}
    </span>
  );
}

/** The detected service with product and version, and the mismatch marker when it is not the typical one. */
export function DetectedService({
  typical,
  detected,
  product,
  version,
}: {
  typical: string | null;
  detected: string | null;
  product: string | null;
  version: string | null;
}) {
  if (!detected && !product) return <span className="text-slate-600">Not identified</span>;
  const software = [product, version].filter(Boolean).join(" ");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className="font-mono">{detected ?? "unknown"}</span>
      {software && <span className="text-slate-600">({software})</span>}
      {servicesDiffer(typical, detected) && <MismatchMarker typical={typical} />}
    </span>
  );
}
