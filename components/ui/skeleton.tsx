/** A grey placeholder block shown while a page's data loads. */
export function Skeleton({ className = "" }: { className?: string }) {
  return <div className={`animate-pulse rounded-lg bg-slate-200 motion-reduce:animate-none ${className}`} />;
}
