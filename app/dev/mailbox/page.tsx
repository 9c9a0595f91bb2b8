import Link from "next/link";
import type { Metadata } from "next";
import { listDevMail } from "@/lib/mail/dev-mailbox";
import { assertDevMailboxAvailable } from "./dev-only";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ to?: string | string[] }> }) {
  await assertDevMailboxAvailable();
  const { to } = await searchParams;
  const recipient = typeof to === "string" && to.trim() ? to.trim().toLowerCase() : undefined;
  const mails = await listDevMail(recipient ? { to: recipient } : {});
  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <h1 className="text-2xl font-semibold">Dev mailbox</h1>
      <p className="mt-1 text-sm text-slate-600">
        Mail the app sent while <code>SMTP_URL</code> is unset. Newest first. Not available in production.
      </p>
      <form className="mt-6 flex gap-2" action="/dev/mailbox">
        <input
          name="to"
          type="email"
          defaultValue={recipient ?? ""}
          placeholder="Filter by recipient"
          className="w-72 rounded-md border border-slate-300 px-3 py-1.5 text-sm"
        />
        <button className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">
          Filter
        </button>
        {recipient && (
          <Link href="/dev/mailbox" className="px-2 py-1.5 text-sm text-slate-600 underline">
            Show all
          </Link>
        )}
      </form>
      {mails.length === 0 ? (
        <p className="mt-8 text-slate-600">No mail yet.</p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white">
          {mails.map((m) => (
            <li key={m.id}>
              <Link href={`/dev/mailbox/${m.id}`} className="flex items-baseline gap-4 px-4 py-3 hover:bg-slate-50">
                <span className="w-56 shrink-0 truncate text-sm text-slate-600">{m.to}</span>
                <span className="flex-1 truncate font-medium">{m.subject}</span>
                <time className="shrink-0 text-xs text-slate-500" dateTime={m.createdAt.toISOString()}>
                  {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
