import type { PublishedEventType } from "./event-types";

/**
 * What every delivery carries, in the Standard Webhooks shape: `type`, `timestamp` (ISO 8601, when the
 * event happened) and `data`. `data.organization` names the organisation in every event.
 */
export interface WebhookPayload {
  type: PublishedEventType;
  timestamp: string;
  data: { organization: { id: string; name: string } } & Record<string, unknown>;
}
