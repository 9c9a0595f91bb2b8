import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { LinkifiedText } from "@/components/mail/linkified-text";
import { getDevMail, type StoredAttachment } from "@/lib/mail/dev-mailbox";
import { assertDevMailboxAvailable } from "../dev-only";

export const metadata: Metadata = { title: "Dev mailbox", robots: { index: false } };

/** Inline images are referenced as cid:…; the preview shows them from the stored bytes. */
function withInlineImages(html: string, attachments: StoredAttachment[]): string {
  return attachments.reduce(
    (out, a) => (a.cid ? out.replaceAll(`cid:${a.cid}`, `data:${a.contentType};base64,${a.base64}`) : out),
    html,
  );
}

export default async function DevMailPage({ params }: { params: Promise<{ id: string }> }) {
  await assertDevMailboxAvailable();
  const { id } = await params;
  const mail = await getDevMail(id);
  if (!mail) notFound();
  return (
    <main className="mx-auto max-w-4xl px-6 py-10">
      <Link href="/dev/mailbox" className="text-sm text-slate-600 underline">
        ← All mail
      </Link>
      <h1 className="mt-4 text-2xl font-semibold">{mail.subject}</h1>
      <dl className="mt-3 grid grid-cols-[5rem_1fr] gap-y-1 text-sm">
        <dt className="text-slate-500">From</dt>
        <dd>{mail.from}</dd>
        <dt className="text-slate-500">To</dt>
        <dd>{mail.to}</dd>
        <dt className="text-slate-500">Sent</dt>
        <dd>{mail.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</dd>
      </dl>
      <section className="mt-6 rounded-md border border-slate-200 bg-white p-4">
        <LinkifiedText text={mail.text} />
      </section>
      {Object.keys(mail.headers).length > 0 && (
        <section className="mt-6">
          <h2 className="text-sm font-medium text-slate-600">Headers</h2>
          <dl className="mt-2 space-y-1 text-xs break-all">
            {Object.entries(mail.headers).map(([name, value]) => (
              <div key={name}>
                <dt className="inline font-medium">{name}: </dt>
                <dd className="inline font-mono">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {mail.attachments.length > 0 && (
        <section className="mt-6">
          <h2 className="text-sm font-medium text-slate-600">Attachments</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {mail.attachments.map((a, index) => (
              <li key={index}>
                <a href={`/dev/mailbox/${mail.id}/attachments/${index}`} className="underline">
                  {a.filename}
                </a>{" "}
                <span className="text-slate-500">
                  {a.contentType}, {Math.ceil((a.base64.length * 3) / 4 / 1024)} KiB{a.cid ? ", inline" : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {mail.html && (
        <section className="mt-6">
          <h2 className="text-sm font-medium text-slate-600">HTML part</h2>
          {/* An empty sandbox runs no script from the mail and cannot reach this page. */}
          <iframe
            title="HTML part"
            sandbox=""
            srcDoc={withInlineImages(mail.html, mail.attachments)}
            className="mt-2 h-96 w-full rounded-md border border-slate-200 bg-white"
          />
        </section>
      )}
    </main>
  );
}
