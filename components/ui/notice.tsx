/** A page-level message: the outcome of a link, or why it no longer works. */
export function Notice({
  tone,
  title,
  children,
}: {
  tone: "success" | "error" | "info";
  title: string;
  children?: React.ReactNode;
}) {
  const styles = {
    success: "border-emerald-200 bg-emerald-50 text-emerald-950",
    error: "border-red-200 bg-red-50 text-red-950",
    info: "border-slate-200 bg-slate-50 text-slate-900",
  }[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-md border px-4 py-3 ${styles}`}>
      <h1 className="text-lg font-semibold">{title}</h1>
      {children && <div className="mt-2 space-y-2 text-sm">{children}</div>}
    </div>
  );
}
