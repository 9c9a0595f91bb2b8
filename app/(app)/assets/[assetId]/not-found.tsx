import Link from "next/link";

export default function AssetNotFound() {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-6">
      <h1 className="text-lg font-semibold">Asset not found</h1>
      <p className="mt-2 text-sm text-slate-700">
        It may have been deleted, or it belongs to another organisation than the one selected above.
      </p>
      <Link href="/assets" className="mt-4 inline-block text-sm text-blue-800 underline">
        Back to the assets
      </Link>
    </div>
  );
}
