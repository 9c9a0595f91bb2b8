import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

/** The endpoint's signing secret, for the receiver's configuration; pages show it only when asked. */
export async function revealWebhookSecret(ctx: OrgContext<"webhooks:manage">, endpointId: string): Promise<string> {
  const row = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, ...inOrganization(ctx, "webhooks:manage") },
    select: { secret: true },
  });
  if (!row) throw notFound("That webhook endpoint");
  return row.secret;
}
