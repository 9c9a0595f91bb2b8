import Link from "next/link";

/** An asset's name, linking to its page. */
export function AssetLink({ id, value, className }: { id: string; value: string; className?: string }) {
  return (
    <Link
      href={`/assets/${encodeURIComponent(id)}`}
      className={`font-mono text-blue-800 underline-offset-2 hover:underline ${className ?? ""}`}
    >
      {value}
    </Link>
  );
}
