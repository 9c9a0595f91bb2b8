import { db } from "@/lib/db/client";
import { readUnsubscribeToken, type UnsubscribeSubject } from "./unsubscribe-token";

/** What the unsubscribe confirmation page shows for a token: null when the token is not genuine. */
export async function unsubscribeDetails(
  token: string,
): Promise<(UnsubscribeSubject & { organizationName: string }) | null> {
  const subject = readUnsubscribeToken(token);
  if (!subject) return null;
  const org = await db.organization.findUnique({ where: { id: subject.organizationId }, select: { name: true } });
  return org ? { ...subject, organizationName: org.name } : null;
}
