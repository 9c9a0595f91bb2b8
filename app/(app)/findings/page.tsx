import type { Metadata } from "next";
import Link from "next/link";
import { Download } from "lucide-react";
import { FindingsFilters } from "@/components/findings/findings-filters";
import { FindingsTable } from "@/components/findings/findings-table";
import { Pager } from "@/components/pagination/pager";
import { filterSearch } from "@/components/findings/findings-url-state";
import { countFindings, findFindingsAsset, listFindings } from "@/lib/findings/list-findings";
import { SERVICE_RULES } from "@/lib/grading";
import { parseFindingsSearchParams } from "@/lib/validation/findings";
import type { SearchParams } from "@/lib/validation/url-params";
import { requireAppOrganization } from "../current-organization";

export const metadata: Metadata = { title: "Findings" };

/** Counted exactly up to here (a few milliseconds); beyond, the pager says "more than 1,000". */
const COUNT_UP_TO = 1_000;

/** Service names the grading method knows, offered as suggestions in the service filter. */
const SERVICE_SUGGESTIONS = [...new Set(SERVICE_RULES.flatMap((rule) => rule.names))].sort();

export default async function FindingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { active } = await requireAppOrganization();
  const { query, errors } = parseFindingsSearchParams(await searchParams);
  // Count exactly up to COUNT_UP_TO matches, or to the end of this page if further; beyond, "more than".
  const countUpTo = Math.max(COUNT_UP_TO, query.page * query.pageSize);
  const [rows, counted, asset] = await Promise.all([
    listFindings(active, query),
    countFindings(active, query, { upTo: countUpTo }),
    query.asset ? findFindingsAsset(active, query.asset) : null,
  ]);
  const total = Math.min(counted, countUpTo);
  const exact = counted <= countUpTo;
  const problems = [
    ...errors.map((e) => e.message),
    ...(query.asset && !asset ? ["That asset was not found in this organisation; it may have been deleted."] : []),
  ];
  const exportBase = `/api/orgs/${encodeURIComponent(active.organizationId)}/findings/export`;
  const search = filterSearch(query);
  const exportHref = (format: "csv" | "json") => `${exportBase}${search ? `${search}&` : "?"}format=${format}`;
  const filtered = search !== "";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Findings</h1>
          <p className="mt-1 text-sm text-slate-700">
            Every open port across {active.name}&apos;s assets, with its typical and detected service, severity and what
            it costs the grade.
          </p>
        </div>
        <div className="flex gap-2">
          {(["csv", "json"] as const).map((format) => (
            <a
              key={format}
              href={exportHref(format)}
              download
              className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-blue-700"
            >
              <Download aria-hidden className="size-4" />
              Export {format.toUpperCase()}
              <span className="sr-only">{filtered ? " of the filtered findings" : " of all findings"}</span>
            </a>
          ))}
        </div>
      </div>

      {problems.length > 0 && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-medium">Some filters in this link were not understood and are not applied:</p>
          <ul className="mt-1 list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}

      <FindingsFilters
        services={SERVICE_SUGGESTIONS}
        asset={asset ?? (query.asset ? { id: query.asset, value: "unknown asset" } : null)}
      />

      {total === 0 ? (
        filtered ? (
          <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700">
            No open port matches these filters. Clear a filter to see more.
          </p>
        ) : (
          <div className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-700">
            <p className="font-medium text-slate-900">No open ports found yet.</p>
            <p className="mt-1">
              Findings appear here after a scan.{" "}
              <Link href="/assets" className="text-blue-800 underline underline-offset-2">
                Add a domain or IP address
              </Link>
              , or start a scan from the assets list.
            </p>
          </div>
        )
      ) : (
        <>
          <FindingsTable rows={rows} sort={query.sort} dir={query.dir} />
          <Pager
            page={query.page}
            pageSize={query.pageSize}
            total={total}
            exact={exact}
            noun={{ one: "open port", other: "open ports" }}
          />
        </>
      )}
    </div>
  );
}
