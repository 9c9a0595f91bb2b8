import type { Metadata } from "next";
import Link from "next/link";
import { AddAssetForm } from "@/components/assets/add-asset-form";
import { AssetTable } from "@/components/assets/asset-table";
import { can } from "@/lib/authz/org-context";
import { isPlanActive } from "@/lib/authz/plan";
import { addBlockedReason } from "@/lib/assets/add-blocked-reason";
import { listAssets } from "@/lib/assets/list-assets";
import { PLAN_LIMITS } from "@/lib/plans/plans";
import { requireAppOrganization } from "../current-organization";
import { ensureVerificationToken } from "@/lib/asset-verification/verify-asset";
import { addAssetAction, deleteAssetAction, labelAssetAction, scanAssetAction, verifyAssetAction } from "./actions";

export const metadata: Metadata = { title: "Assets" };

export default async function AssetsPage() {
  const { user, active } = await requireAppOrganization();
  const assets = await listAssets(active);
  const canEdit = can(active, "assets:write");
  const limits = PLAN_LIMITS[active.plan];
  const blocked = addBlockedReason(user.emailVerified, isPlanActive(active));
  // The verification secrets are for those who may verify: admins and owners.
  const verificationTokens = new Map(
    canEdit
      ? await Promise.all(
          assets
            .filter((a) => !a.verifiedAt)
            .map(
              async (a) =>
                [a.id, a.verificationToken ?? (await ensureVerificationToken(active.organizationId, a.id))] as const,
            ),
        )
      : [],
  );

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Assets</h1>
        <p className="mt-1 text-sm text-slate-600">
          The domains and IP addresses Portwatch watches for {active.name}: {assets.length} of {limits.maxAssets} assets
          on the {limits.label} plan (
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
    </div>
  );
}
