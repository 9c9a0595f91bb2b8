import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PUBLIC_DOCS, isPublicDocSlug, renderPublicDoc } from "@/lib/public-docs/render-public-doc";
import { PublicHeader } from "@/components/landing/public-header";

type Params = Promise<{ slug: string }>;

export function generateStaticParams() {
  return Object.keys(PUBLIC_DOCS).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  if (!isPublicDocSlug(slug)) return {};
  const title = PUBLIC_DOCS[slug].title;
  return { title, openGraph: { title, type: "article" } };
}

/** A published document of docs/ (the grading method and what it links to), rendered from its Markdown. */
export default async function PublicDocPage({ params }: { params: Params }) {
  const { slug } = await params;
  if (!isPublicDocSlug(slug)) notFound();
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
        <article
          className="doc prose max-w-none prose-slate prose-headings:scroll-mt-4 prose-a:text-blue-800 prose-code:before:content-none prose-code:after:content-none"
          dangerouslySetInnerHTML={{ __html: renderPublicDoc(slug) }}
        />
        <p className="mt-10 border-t border-slate-200 pt-6 text-sm">
          <Link href="/sign-up" className="font-medium text-slate-900 underline">
            Start a 14-day free trial
          </Link>{" "}
          and see these rules applied to every open port of your domains.
        </p>
      </main>
    </>
  );
}
