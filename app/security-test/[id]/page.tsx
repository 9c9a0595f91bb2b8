import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicHeader } from "@/components/landing/public-header";
import { SecurityTestResult } from "@/components/security-test/security-test-result";
import { getSecurityTest } from "@/lib/security-test/get-security-test";

type Params = Promise<{ id: string }>;

export const metadata: Metadata = { title: "Security test result", robots: { index: false } };

/** One public test's result: the teaser, followed live while the scan runs. */
export default async function SecurityTestResultPage({ params }: { params: Params }) {
  const { id } = await params;
  const test = id.length <= 64 ? await getSecurityTest(id) : null;
  if (!test) notFound();
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Security test of {test.domain}</h1>
        <div className="mt-6">
          <SecurityTestResult initial={test} />
        </div>
      </main>
    </>
  );
}
