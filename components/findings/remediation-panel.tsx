import { remediationFor } from "@/lib/remediation";

/** What the exposure means, how to close it and how to check the fix, for one finding. */
export function RemediationPanel({
  ruleId,
  host,
  port,
  protocol,
  headingLevel = 3,
}: {
  ruleId: string | null;
  host: string;
  port: number;
  protocol: "tcp" | "udp";
  headingLevel?: 2 | 3 | 4;
}) {
  const r = remediationFor(ruleId, { ip: host, port, protocol });
  const Heading = `h${headingLevel}` as const;
  const Sub = `h${Math.min(headingLevel + 1, 6)}` as "h3" | "h4" | "h5";
  return (
    <section className="space-y-3 text-sm text-slate-800" aria-label={`Remediation for ${port}/${protocol} on ${host}`}>
      <Heading className="font-semibold text-slate-900">{r.title}</Heading>
      <p>{r.meaning}</p>
      <div>
        <Sub className="font-medium text-slate-900">How to fix</Sub>
        <ol className="mt-1 list-decimal space-y-1 pl-5">
          {r.fix.map((step) => (
            <li key={step}>
              <CodeText text={step} />
            </li>
          ))}
        </ol>
      </div>
      <div>
        <Sub className="font-medium text-slate-900">How to verify</Sub>
        <ul className="mt-1 list-disc space-y-1 pl-5">
          {r.verify.map((step) => (
            <li key={step}>
              <CodeText text={step} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** Renders `backticked` parts of guidance text as code. */
function CodeText({ text }: { text: string }) {
  const parts = text.split("`");
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <code key={i} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] break-all text-slate-900">
            {part}
          </code>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
