import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { db } from "@/lib/db/client";
import type { WebhookFormat } from "@/lib/generated/prisma/enums";

export interface WebhookEndpointSummary {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  format: WebhookFormat;
  enabled: boolean;
  createdByEmail: string | null;
  createdAt: Date;
  /** The newest delivery's outcome, for the list. */
  lastDelivery: {
    status: "PENDING" | "SUCCEEDED" | "FAILED";
    attempts: number;
    responseStatus: number | null;
    createdAt: Date;
  } | null;
}

const SUMMARY = {
  id: true,
  url: true,
  description: true,
  eventTypes: true,
  format: true,
  enabled: true,
  createdAt: true,
  createdBy: { select: { email: true } },
  deliveries: {
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { status: true, attempts: true, responseStatus: true, createdAt: true },
  },
} as const;

type Row = { createdBy: { email: string } | null; deliveries: WebhookEndpointSummary["lastDelivery"][] } & Omit<
  WebhookEndpointSummary,
  "createdByEmail" | "lastDelivery"
>;

const summaryOf = ({ createdBy, deliveries, ...row }: Row): WebhookEndpointSummary => ({
  ...row,
  createdByEmail: createdBy?.email ?? null,
  lastDelivery: deliveries[0] ?? null,
});

/** The organisation's endpoints, oldest first, without their secrets. */
export async function listWebhookEndpoints(ctx: OrgContext<"webhooks:manage">): Promise<WebhookEndpointSummary[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: inOrganization(ctx, "webhooks:manage"),
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: SUMMARY,
  });
  return rows.map(summaryOf);
}

/** One endpoint of the organisation without its secret, or null (another organisation's id included). */
export async function getWebhookEndpoint(
  ctx: OrgContext<"webhooks:manage">,
  endpointId: string,
): Promise<WebhookEndpointSummary | null> {
  const row = await db.webhookEndpoint.findFirst({
    where: { id: endpointId, ...inOrganization(ctx, "webhooks:manage") },
    select: SUMMARY,
  });
  return row ? summaryOf(row) : null;
}
