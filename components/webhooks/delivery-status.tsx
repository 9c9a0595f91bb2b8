const STYLES = {
  delivered: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  waiting: "bg-amber-100 text-amber-900",
} as const;

/** A delivery's state in words: queued, retrying (with its attempts), delivered or failed. */
export function DeliveryStatus({ status, attempts }: { status: "PENDING" | "SUCCEEDED" | "FAILED"; attempts: number }) {
  const [label, style] =
    status === "SUCCEEDED"
      ? ["Delivered", STYLES.delivered]
      : status === "FAILED"
        ? ["Failed", STYLES.failed]
        : attempts === 0
          ? ["Queued", STYLES.waiting]
          : ["Retrying", STYLES.waiting];
  return <span className={`rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${style}`}>{label}</span>;
}
