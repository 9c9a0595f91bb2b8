import { db } from "@/lib/db/client";

/** Retries ran out: a still-PENDING delivery becomes FAILED, keeping the last attempt's response and error. */
export async function failWebhookDelivery(organizationId: string, input: { deliveryId: string }): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id: input.deliveryId, organizationId, status: "PENDING" },
    data: { status: "FAILED" },
  });
  return count > 0;
}
