import type { Metadata } from "next";
import { PublicHeader } from "@/components/landing/public-header";
import { SecurityTestForm } from "@/components/security-test/security-test-form";
import { securityTestSettings } from "@/lib/security-test/settings";
import { startSecurityTestAction } from "./actions";

const description =
  "Enter your domain and get, within seconds, its Open Ports grade, the number of open ports on its main address and the riskiest services found. Free, no account needed.";

export const metadata: Metadata = {
  title: "Free security test",
  description,
  openGraph: { title: "How secure is your business? Free security test · Portwatch", description, type: "website" },
  twitter: { card: "summary", title: "How secure is your business? Free security test", description },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The public security test: a domain, a proof of work in the browser, then the result page. */
export default async function SecurityTestPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const initial = typeof params.domain === "string" ? params.domain.slice(0, 253) : "";
  const settings = securityTestSettings();
  return (
    <>
      <PublicHeader />
      <main className="mx-auto max-w-2xl px-4 py-12 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">How secure is your business?</h1>
        <p className="mt-3 text-slate-700">
          Enter your domain for a free security test. Within seconds you see its grade, how many ports are open on its
          main address and the riskiest kinds of service found there.
        </p>
        <div className="mt-8 rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
          <SecurityTestForm action={startSecurityTestAction} initialDomain={initial} />
        </div>
        <section aria-labelledby="how" className="mt-8 space-y-2 text-sm text-slate-600">
          <h2 id="how" className="font-semibold text-slate-800">
            What the test does
          </h2>
          <p>
            It scans the domain’s main address only, on the 100 most common TCP ports, with the same scanner, address
            rules and grading method as Portwatch’s monitoring. It never scans private or internal addresses. Only the
            summary is kept, and a domain’s result is shown again for an hour instead of scanning it twice.
          </p>
          <p>
            To keep it fair for everyone, one network can start {settings.perIpPerHour} tests an hour. Please test only
            domains you are responsible for.
          </p>
        </section>
      </main>
    </>
  );
}
