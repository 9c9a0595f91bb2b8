/**
 * The events an endpoint can subscribe to, with what each means on the settings page and in the README.
 * Pure data: the validation schema, the settings form and the fan-out read it.
 */
export const WEBHOOK_EVENT_TYPES = {
  "exposure.changed": "A port opened or closed, or the service answering on it changed",
  "grade.changed": "The organisation's grade letter or score moved",
  "scan.completed": "A scan of an asset finished",
  "scan.failed": "A scan of an asset failed",
  "alert.created": "An alert was raised",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;

export const WEBHOOK_EVENT_TYPE_NAMES = Object.keys(WEBHOOK_EVENT_TYPES) as [WebhookEventType, ...WebhookEventType[]];

/** Sent by "Send test event" to one endpoint, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT_TYPE = "webhook.test";

export type PublishedEventType = WebhookEventType | typeof WEBHOOK_TEST_EVENT_TYPE;

export const WEBHOOK_FORMATS = {
  STANDARD: "Standard Webhooks (signed JSON)",
  SLACK: "Slack incoming webhook",
} as const;
