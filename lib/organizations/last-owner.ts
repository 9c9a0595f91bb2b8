import { AppError } from "@/lib/errors";
import type { Tx } from "./transaction";

export const LAST_OWNER_MESSAGES = {
  leave: "You are the only owner of this organisation. Make another member an owner before you leave.",
  demote: "This is the only owner of the organisation. Make another member an owner first, then change this role.",
  remove: "The only owner of an organisation cannot be removed. Make another member an owner first.",
} as const;

/** Refuses a change that would take away the only remaining owner. Call inside withOrganizationLock. */
export async function assertNotLastOwner(
  tx: Tx,
  organizationId: string,
  membershipId: string,
  change: keyof typeof LAST_OWNER_MESSAGES,
): Promise<void> {
  const otherOwners = await tx.membership.count({
    where: { organizationId, role: "OWNER", id: { not: membershipId } },
  });
  if (otherOwners === 0) throw new AppError("conflict", LAST_OWNER_MESSAGES[change]);
}
