import { db } from "@/lib/db/client";
import { checkOwnership, type VerifyOptions } from "./verify-asset";

export const RECHECK_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * The weekly re-check: every verified asset whose proof was last checked a week ago or more is checked
 * again; one whose proof is gone loses its verified status (and with it full scans). System-wide by
 * nature; each check and write is scoped by the asset's organisation. Returns how many kept and lost it.
 */
export async function recheckVerifications(
  options: VerifyOptions & { limit?: number } = {},
): Promise<{ kept: number; lost: number }> {
  const now = options.now ?? new Date();
  const due = await db.asset.findMany({
    where: {
      deletedAt: null,
      verifiedAt: { not: null },
      OR: [
        { verificationCheckedAt: null },
        { verificationCheckedAt: { lte: new Date(now.getTime() - RECHECK_AFTER_MS) } },
      ],
    },
    select: { id: true, organizationId: true },
    orderBy: { verificationCheckedAt: "asc" },
    take: options.limit ?? 500,
  });
  let kept = 0;
  let lost = 0;
  for (const asset of due) {
    const outcome = await checkOwnership(asset.organizationId, asset.id, null, { ...options, now });
    if (outcome.verified) kept++;
    else lost++;
  }
  return { kept, lost };
}
