import type { OpenPortRow } from "@/lib/asset-page/open-ports";
import { readableBanner } from "@/lib/asset-page/readable-banner";
import { LocalTime } from "@/components/ui/local-time";

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="font-medium text-slate-700">{label}</dt>
      <dd className="break-words text-slate-900">{children}</dd>
    </>
  );
}

function factLines(port: OpenPortRow): string[] {
  const facts = port.facts;
  const lines: string[] = [];
  if (facts.redirectsToHttps === true) lines.push("Plain HTTP answers with a redirect to HTTPS.");
  if (facts.redirectsToHttps === false) lines.push("Plain HTTP does not redirect to HTTPS.");
  if (facts.recursionAvailable === true)
    lines.push("Open resolver: the DNS server answered our recursive query from outside (RA flag set).");
  if (facts.recursionAvailable === false) lines.push("The DNS server refused recursion to an outside client.");
  if (facts.unauthenticatedAccess === true)
    lines.push("Anyone can use this service: it let us in without credentials.");
  if (facts.unauthenticatedAccess === false) lines.push("The service asked for credentials.");
  if (facts.authenticationMethods?.length)
    lines.push(`Authentication offered: ${facts.authenticationMethods.join(", ")}.`);
  if (facts.protocolVersion) lines.push(`Protocol version or dialect: ${facts.protocolVersion}.`);
  if (facts.operatingSystem) lines.push(`Operating system stated before login: ${facts.operatingSystem}.`);
  if (facts.hostName || facts.domainName)
    lines.push(
      `Names disclosed before login: ${[facts.hostName, facts.domainName && `domain ${facts.domainName}`].filter(Boolean).join(", ")}.`,
    );
  if (port.state === "open|filtered") lines.push("UDP port that stayed silent: open or filtered, not graded.");
  if (port.catchAll) lines.push("The host answers on every port (CDN edge or SYN proxy): its ports are not graded.");
  return lines;
}

/** What the scanner saw on one port: banner, TLS handshake, observed behaviour, and which scan saw it when. */
export function EvidencePanel({ port }: { port: OpenPortRow }) {
  const { banner, tls } = port;
  const facts = factLines(port);
  return (
    <div className="grid gap-4 text-sm md:grid-cols-2">
      <section aria-label="Banner">
        <h4 className="font-medium text-slate-900">Banner</h4>
        {banner ? (
          <pre className="mt-1 max-h-48 overflow-auto rounded border border-slate-200 bg-slate-50 p-2 font-mono text-xs break-all whitespace-pre-wrap text-slate-900">
            {readableBanner(banner)}
          </pre>
        ) : (
          <p className="mt-1 text-slate-700">The service sent no banner.</p>
        )}
        <h4 className="mt-3 font-medium text-slate-900">Observed behaviour</h4>
        {facts.length > 0 ? (
          <ul className="mt-1 list-disc pl-5 text-slate-800">
            {facts.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-slate-700">Nothing beyond the service itself.</p>
        )}
        {port.reason && (
          <>
            <h4 className="mt-3 font-medium text-slate-900">Why it is graded this way</h4>
            <p className="mt-1 text-slate-800">{port.reason}</p>
          </>
        )}
      </section>
      <section aria-label="TLS and sightings">
        <h4 className="font-medium text-slate-900">TLS</h4>
        {tls ? (
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
            <Field label="Protocol">{tls.protocol ?? "unknown"}</Field>
            <Field label="Cipher">{tls.cipher ?? "unknown"}</Field>
            <Field label="Subject">{tls.subject ?? "—"}</Field>
            <Field label="Names (SANs)">{tls.subjectAltNames.length ? tls.subjectAltNames.join(", ") : "—"}</Field>
            <Field label="Issuer">{tls.issuer ?? "—"}</Field>
            <Field label="Valid">
              {tls.validFrom ? <LocalTime value={tls.validFrom} dateOnly /> : "?"} to{" "}
              {tls.validTo ? <LocalTime value={tls.validTo} dateOnly /> : "?"}
            </Field>
            <Field label="Self-signed">{tls.selfSigned ? "Yes: no authority vouches for it" : "No"}</Field>
          </dl>
        ) : (
          <p className="mt-1 text-slate-700">No TLS handshake on this port.</p>
        )}
        <h4 className="mt-3 font-medium text-slate-900">Sightings</h4>
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-xs">
          <Field label="First seen">
            <LocalTime value={port.firstSeenAt} /> by scan <code className="font-mono">{port.openedByScanRunId}</code>
          </Field>
          <Field label="Last seen">
            <LocalTime value={port.lastSeenAt} /> (latest scan that found it open)
          </Field>
        </dl>
      </section>
    </div>
  );
}
