"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { GradeBadge } from "@/components/grades/grade-badge";
import { SeverityBadge } from "@/components/findings/severity-badge";
import type { SecurityTestView } from "@/lib/security-test/get-security-test";

const POLL_MS = 1000;

/** The teaser of one test; while the scan runs it asks the server every second how it went. */
export function SecurityTestResult({ initial }: { initial: SecurityTestView }) {
  const [view, setView] = useState(initial);
  const running = view.status === "QUEUED" || view.status === "RUNNING";

  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/security-test/${encodeURIComponent(view.id)}`, { cache: "no-store" });
        if (response.ok && !stopped) setView((await response.json()) as SecurityTestView);
      } catch {
        // A missed poll is retried on the next tick.
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [running, view.id]);

  const signUp = `/sign-up?domain=${encodeURIComponent(view.domain)}`;
  return (
    <div aria-live="polite" className="space-y-6">
      {running && (
        <p
          role="status"
          className="flex items-center gap-3 rounded-lg border border-slate-200 bg-white p-5 text-slate-700"
        >
          <span
            className="h-4 w-4 shrink-0 animate-spin rounded-full border-2 border-slate-400 border-t-transparent motion-reduce:animate-none"
            aria-hidden="true"
          />
          Testing {view.domain}… this takes a few seconds.
        </p>
      )}
      {view.status === "FAILED" && (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-5 text-red-900">
          {view.failure}
        </p>
      )}
      {view.status === "COMPLETED" && (
        <section aria-labelledby="result" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
          <h2 id="result" className="sr-only">
            Result
          </h2>
          <div className="flex items-center gap-4">
            <GradeBadge grade={view.teaser.grade} score={view.teaser.score} size="lg" />
            <div>
              <p className="text-lg font-semibold text-slate-900">
                Grade {view.teaser.grade} · {view.teaser.score} / 100
              </p>
              <p className="text-slate-700">
                {view.teaser.openPorts === 0
                  ? "No open ports found on the main address."
                  : `${view.teaser.openPorts} open port${view.teaser.openPorts === 1 ? "" : "s"} found on the main address.`}
              </p>
            </div>
          </div>
          <h3 className="mt-6 font-semibold text-slate-900">Riskiest services found</h3>
          {view.teaser.riskiestClasses.length === 0 ? (
            <p className="mt-1 text-slate-700">Nothing risky among the ports tested.</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {view.teaser.riskiestClasses.map((risky) => (
                <li key={risky.serviceClass} className="flex flex-wrap items-center gap-2 text-slate-800">
                  <SeverityBadge severity={risky.severity} />
                  <span>{risky.title}</span>
                  {risky.ports > 1 && <span className="text-sm text-slate-600">({risky.ports} ports)</span>}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-6 text-sm text-slate-600">
            This light test checks the 100 most common ports of one address. The grade follows the{" "}
            <Link href="/docs/grading" className="underline">
              published method
            </Link>
            .
          </p>
        </section>
      )}
      {!running && (
        <div className="rounded-lg border border-sky-200 bg-sky-50 p-5 sm:p-6">
          <p className="font-semibold text-sky-950">Start your free trial to see every port and get weekly reports.</p>
          <p className="mt-1 text-sm text-sky-950">
            {view.domain} becomes your first monitored domain as soon as you confirm your email address.
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href={signUp} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">
              Start your free trial
            </Link>
            <Link
              href="/security-test"
              className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-900 hover:bg-slate-100"
            >
              Test another domain
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
