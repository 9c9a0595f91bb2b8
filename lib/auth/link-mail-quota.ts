import { db } from "@/lib/db/client";
import type { UserTokenPurpose } from "@/lib/generated/prisma/enums";

/** Each link mail creates a token, so counting recent tokens caps how often one inbox can be mailed. */
export const MAX_LINK_MAILS_PER_HOUR = 5;

export async function withinLinkMailQuota(
  userId: string,
  purpose: UserTokenPurpose,
  now = new Date(),
): Promise<boolean> {
  const sent = await db.userToken.count({
    where: { userId, purpose, createdAt: { gt: new Date(now.getTime() - 60 * 60 * 1000) } },
  });
  return sent < MAX_LINK_MAILS_PER_HOUR;
}
