import { db } from "@/lib/db/client";
import { requireMembership } from "@/lib/authz/membership";
import { isPlanActive } from "@/lib/authz/plan";
import { startScan } from "@/lib/scan-runs/start-scan";
import { addAsset } from "./add-asset";
import { parseAssetTarget } from "./parse-asset-target";

/**
 * The domain a visitor carried from the public security test into sign-up (User.firstAssetValue)
 * becomes the first asset of their organisation once their address is confirmed, and its first scan
 * starts. Taken once: the value is cleared before anything else, so a second confirmation adds nothing.
 * Returns the asset's value when it was added.
 */
export async function addFirstAsset(userId: string, now = new Date()): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, firstAssetValue: true, activeOrganizationId: true },
  });
  if (!user?.firstAssetValue || !user.activeOrganizationId) return null;
  const { count } = await db.user.updateMany({
    where: { id: userId, firstAssetValue: user.firstAssetValue },
    data: { firstAssetValue: null },
  });
  if (count !== 1) return null;

  const target = parseAssetTarget(user.firstAssetValue);
  if (!target.ok) return null;
  const ctx = await requireMembership(userId, user.activeOrganizationId, "assets:write");
  if (!isPlanActive(ctx, now)) return null;
  const { id } = await addAsset(ctx, { target: target.value, actorEmail: user.email });
  // Scanning may fail to queue; the monitor then picks the new asset up on its next tick.
  await startScan(await requireMembership(userId, user.activeOrganizationId, "scans:start"), id).catch(
    (error: unknown) => console.warn("[portwatch] first scan of the carried domain not queued", error),
  );
  return target.value.value;
}
