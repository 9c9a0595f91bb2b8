import type { Metadata } from "next";
import Link from "next/link";
import { PublicHeader } from "@/components/landing/public-header";
import { PlanTable } from "@/components/landing/plan-table";
import { ServiceExample } from "@/components/landing/service-example";
import { TRIAL_DAYS } from "@/lib/organizations/trial";

const description =
  "Portwatch finds every open port on your domains, tells you what should run there and what actually answers, and grades your exposure A–F with a published method. Free security test, 14-day free trial.";

export const metadata: Metadata = {
  title: { absolute: "Portwatch — open-port monitoring and security ratings" },
  description,
  openGraph: {
    title: "How secure is your business? Portwatch",
    description,
    type: "website",
    siteName: "Portwatch",
  },
  twitter: { card: "summary", title: "How secure is your business? Portwatch", description },
};

const primary = "rounded-md bg-slate-900 px-4 py-2.5 font-medium text-white hover:bg-slate-700";
const secondary =
  "rounded-md border border-slate-300 bg-white px-4 py-2.5 font-medium text-slate-900 hover:bg-slate-100";

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mx-auto max-w-5xl px-4 py-12 sm:px-6">
      <h2 id={id} className="text-2xl font-semibold tracking-tight text-slate-900">
        {title}
      </h2>
      <div className="mt-4 space-y-4 text-slate-700">{children}</div>
    </section>
  );
}

/** The public home page: what Portwatch does, for whom, how it grades, what it costs, and the two ways in. */
export default function HomePage() {
  return (
    <>
      <PublicHeader />
      <main>
        <div className="border-b border-slate-200 bg-white">
          <div className="mx-auto max-w-5xl px-4 py-16 sm:px-6 sm:py-20">
            <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-5xl">
              Every open port on your domains, explained and graded.
            </h1>
            <p className="mt-5 max-w-3xl text-lg text-slate-700">
              Portwatch scans the internet-facing addresses of your domains, tells you for each open port what should
              run there and what actually answers, and grades the exposure from A to F with a method you can check by
              hand. For security and IT teams, and for the providers who run their infrastructure, who want to know what
              an attacker sees before the attacker does.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              <Link href="/sign-up" className={primary}>
                Start a {TRIAL_DAYS}-day free trial
              </Link>
              <Link href="/security-test" className={secondary}>
                Run the free security test
              </Link>
            </div>
            <p className="mt-3 text-sm text-slate-600">No card needed. Try it for free today.</p>
          </div>
        </div>

        <Section id="what" title="What Portwatch does">
          <ul className="grid gap-4 sm:grid-cols-3">
            <li className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold text-slate-900">Finds what is exposed</h3>
              <p className="mt-1 text-sm">
                Resolves each domain (and its www. and mail hosts) and scans every address it points to, on a schedule
                and on demand.
              </p>
            </li>
            <li className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold text-slate-900">Says what it means</h3>
              <p className="mt-1 text-sm">
                Names the service behind each port, explains why it matters and how to close it, and shows when it
                appeared.
              </p>
            </li>
            <li className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold text-slate-900">Keeps watch</h3>
              <p className="mt-1 text-sm">
                Alerts you when a port opens or a service changes, tracks your grade over time and sends weekly reports.
              </p>
            </li>
          </ul>
        </Section>

        <Section id="services" title="Typical service, detected service, Pending classification">
          <p>
            Every open port is shown with two answers. The <strong>typical service</strong> is what usually runs on that
            port number — port 443 is normally a web server with HTTPS. The <strong>detected service</strong> is what
            the port actually answered when Portwatch talked to it. When they differ, something unexpected is listening,
            and the grade takes it into account.
          </p>
          <p>
            <strong>Pending classification</strong> means the port number has no service in common use and nothing has
            identified itself yet. It is counted, not ignored, and shown until a later scan recognises it.
          </p>
          <ServiceExample />
        </Section>

        <Section id="grade" title="How the grade works">
          <p>
            Each open port gets a severity from the service it runs — a database or remote desktop open to the internet
            is critical, a web server with HTTPS is informational. Each severity deducts fixed points from 100, repeated
            findings of one kind count less and less, and your worst finding caps the score. The score maps to a letter
            from A to F. Nothing is relative to other companies and nothing is hidden: with the list of your open ports
            and the published method, you get the same number by hand.
          </p>
          <p>
            <Link href="/docs/grading" className="font-medium text-blue-800 underline">
              Read the complete grading method
            </Link>
          </p>
        </Section>

        <Section id="security-test" title="How secure is your business? Security test">
          <p>
            Enter your domain and get, within seconds, its grade, the number of open ports on its main address and the
            riskiest kinds of service found — free, without an account.
          </p>
          <p>
            <Link href="/security-test" className={`inline-block ${secondary}`}>
              Run the free security test
            </Link>
          </p>
        </Section>

        <Section id="plans" title="Plans and limits">
          <p>
            Every account starts with a {TRIAL_DAYS}-day free trial. Choose a plan when you need more assets or more
            frequent scans.
          </p>
          <PlanTable />
        </Section>

        <div className="border-t border-slate-200 bg-white">
          <div className="mx-auto flex max-w-5xl flex-col items-start gap-4 px-4 py-12 sm:px-6">
            <h2 className="text-2xl font-semibold tracking-tight text-slate-900">Try it for free today</h2>
            <Link href="/sign-up" className={primary}>
              Start your free trial
            </Link>
          </div>
        </div>
      </main>
      <footer className="mx-auto max-w-5xl px-4 py-8 text-sm text-slate-600 sm:px-6">
        Portwatch is open source and self-hostable. Scans reach only public addresses.
      </footer>
    </>
  );
}
