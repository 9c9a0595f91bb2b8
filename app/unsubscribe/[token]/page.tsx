import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { unsubscribeDetails } from "@/lib/reports/unsubscribe-details";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

const WHAT = { reports: "the scheduled Open Ports report", alerts: "Open Ports alerts" } as const;

/** Confirms an unsubscribe link from a mail: no sign-in needed, the link itself is the proof. */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const { token } = await params;
  const { done } = await searchParams;
  const details = await unsubscribeDetails(token);
  if (!details) notFound();
  return (
    <main className="mx-auto max-w-lg px-6 py-16">
      <h1 className="text-2xl font-semibold">Unsubscribe</h1>
      {done ? (
        <p className="mt-4 text-slate-700" role="status">
          Done: {details.email} no longer receives {WHAT[details.list]} of {details.organizationName}. Members can turn
          it back on in Portwatch&rsquo;s settings.
        </p>
      ) : (
        <form
          method="post"
          action={`/api/unsubscribe/${encodeURIComponent(token)}?from=page`}
          className="mt-4 space-y-4"
        >
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <p className="text-slate-700">
            Stop sending {WHAT[details.list]} of {details.organizationName} to {details.email}?
          </p>
          <button className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
            Unsubscribe
          </button>
        </form>
      )}
    </main>
  );
}
