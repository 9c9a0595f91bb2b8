import { AppError } from "@/lib/errors";
import { checkWebhookUrl } from "./check-webhook-url";

/** Saving an endpoint: its URL must pass the address policy now; a refusal is the URL field's error. */
export async function assertWebhookUrlAllowed(url: string): Promise<void> {
  const checked = await checkWebhookUrl(url);
  if (!checked.ok) throw new AppError("invalid_input", checked.message, { url: [checked.message] });
}
