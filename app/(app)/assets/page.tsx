import type { Metadata } from "next";
import Link from "next/link";
import { createSerializer } from "nuqs/server";
import { AddAssetForm } from "@/components/assets/add-asset-form";
import { AssetListControls } from "@/components/assets/asset-list-controls";
import { ASSET_STATUS_LABEL, assetListUrlParsers } from "@/components/assets/asset-list-url-state";
import { AssetTable } from "@/components/assets/asset-table";
import { standardScanSummary } from "@/components/assets/ownership-cell";
import { Pager } from "@/components/pagination/pager";
import { can } from "@/lib/authz/org-context";
import { isPlanActive } from "@/lib/authz/plan";
import { addBlockedReason } from "@/lib/assets/add-blocked-reason";
import { listAssetPage } from "@/lib/assets/list-asset-page";
import { ensureVerificationTokens } from "@/lib/asset-verification/ensure-verification-tokens";
import { PLAN_LIMITS } from "@/lib/plans/plans";
import { parseAssetListSearchParams } from "@/lib/validation/asset-list";
import { DEFAULT_PAGE_SIZE, type SearchParams } from "@/lib/validation/url-params";
import { requireAppOrganization } from "../current-organization";
import { addAssetAction, deleteAssetAction, labelAssetAction, scanAssetAction, verifyAssetAction } from "./actions";

export const metadata: Metadata = { title: "Assets" };

const assetsHref = createSerializer(assetListUrlParsers);
const fmt = new Intl.NumberFormat("en");

export default async function AssetsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { user, active } = await requireAppOrganization();
  const { query, errors } = parseAssetListSearchParams(await searchParams);
  const { assets, matching, total, page } = await listAssetPage(active, query);
  const canEdit = can(active, "assets:write");
  const limits = PLAN_LIMITS[active.plan];
  const blocked = addBlockedReason(user.emailVerified, isPlanActive(active));
  // The verification secrets are for those who may verify (admins and owners), and only of the assets shown.
  const verificationTokens = canEdit
    ? await ensureVerificationTokens(
        active,
        assets.filter((a) => !a.verifiedAt),
      )
    : new Map<string, string>();
  const clearSearchHref = assetsHref("/assets", {
    sort: query.sort === "newest" ? null : query.sort,
    pageSize: query.pageSize === DEFAULT_PAGE_SIZE ? null : query.pageSize,
  });

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Assets</h1>
        <p className="mt-1 text-sm text-slate-600">
          The domains and IP addresses Portwatch watches for {active.name}: {fmt.format(total)} of{" "}
          {fmt.format(limits.maxAssets)} assets on the {limits.label} plan (
          <Link href="/settings/billing" className="underline">
            limits and usage
          </Link>
          ).
        </p>
      </div>
      {canEdit ? (
        blocked ? (
          <p className="rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950">{blocked}</p>
        ) : (
          <AddAssetForm organizationId={active.organizationId} action={addAssetAction} />
        )
      ) : (
        <p className="text-sm text-slate-600">
          You are a viewer in this organisation: admins and owners add and change assets.
        </p>
      )}
      {errors.length > 0 && (
        <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950">
          <p className="font-medium">Some parts of this link were not understood and are not applied:</p>
          <ul className="mt-1 list-disc pl-5">
            {errors.map((e) => (
              <li key={e.field}>{e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {total === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
          No assets yet.
        </p>
      ) : (
        <>
          {/* Remounted when the search changes (a "clear search" link included), so the box shows the URL's text. */}
          <AssetListControls
            key={`${query.q ?? ""}|${query.status ?? ""}|${query.sort}`}
            sort={query.sort}
            {...(query.q !== undefined ? { q: query.q } : {})}
            {...(query.status !== undefined ? { status: query.status } : {})}
          />
          {matching === 0 ? (
            <div className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-700">
              <p>
                No asset matches
                {query.q !== undefined && (
                  <>
                    {" "}
                    “<span className="font-medium">{query.q}</span>”
                  </>
                )}
                {query.status !== undefined && <> among “{ASSET_STATUS_LABEL[query.status]}”</>}.
              </p>
              <p className="mt-2">
                <Link href={clearSearchHref} className="text-blue-800 underline underline-offset-2">
                  Clear search
                </Link>{" "}
                to see all {fmt.format(total)} assets.
              </p>
            </div>
          ) : (
            <>
              {assets.some((a) => !a.verifiedAt) && (
                <p className="text-sm text-slate-700">
                  Assets marked “Not verified” get the standard scan: {standardScanSummary()}
                </p>
              )}
              <AssetTable
                assets={assets}
                organizationId={active.organizationId}
                canEdit={canEdit}
                labelAction={labelAssetAction}
                deleteAction={deleteAssetAction}
                scanAction={scanAssetAction}
                verifyAction={verifyAssetAction}
                verificationTokens={verificationTokens}
              />
              <Pager page={page} pageSize={query.pageSize} total={matching} noun={{ one: "asset", other: "assets" }} />
            </>
          )}
        </>
      )}
    </div>
  );
}
