import { z } from "zod";
import { WEBHOOK_EVENT_TYPE_NAMES } from "@/lib/webhooks/event-types";
import { PLAIN_TEXT, plainTextMessage } from "./plain-text";

export const WEBHOOK_URL_MAX_LENGTH = 2000;
export const WEBHOOK_DESCRIPTION_MAX_LENGTH = 200;

const URL_MESSAGE = "Enter the receiver's URL, like https://hooks.example.com/portwatch.";

/**
 * A webhook receiver's URL, normalised (no fragment). Only the syntax is checked here; whether it
 * resolves to an address Portwatch may call is lib/webhooks/check-webhook-url.ts, when it is saved and
 * again at every delivery.
 */
export const webhookUrlSchema = z
  .string({ error: URL_MESSAGE })
  .trim()
  .min(1, URL_MESSAGE)
  .max(WEBHOOK_URL_MAX_LENGTH, `A URL can be at most ${WEBHOOK_URL_MAX_LENGTH} characters.`)
  .transform((raw, ctx) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: URL_MESSAGE });
      return z.NEVER;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: "A webhook URL starts with https://." });
      return z.NEVER;
    }
    if (url.username !== "" || url.password !== "") {
      ctx.addIssue({
        code: "custom",
        message: "Leave the user name and password out of the URL: receivers check the signature instead.",
      });
      return z.NEVER;
    }
    url.hash = "";
    return url.href;
  })
  .meta({ description: "Where deliveries are POSTed.", examples: ["https://hooks.example.com/portwatch"] });

const eventTypeSchema = z.enum(WEBHOOK_EVENT_TYPE_NAMES, { error: "Choose a known event type." });

/** Forms post the chosen types as one comma-separated field; the API posts an array. */
export const webhookEventTypesSchema = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(",")
          .map((s) => s.trim())
          .filter((s) => s !== "")
      : value,
  z
    .array(eventTypeSchema, { error: "Choose the events to send." })
    .min(1, "Choose at least one event to send.")
    .transform((types) => [...new Set(types)]),
);

export const webhookFormatSchema = z.enum(["STANDARD", "SLACK"], { error: "Choose Standard Webhooks or Slack." });

export const webhookDescriptionSchema = z
  .string({ error: "A description must be text." })
  .trim()
  .max(WEBHOOK_DESCRIPTION_MAX_LENGTH, `A description can be at most ${WEBHOOK_DESCRIPTION_MAX_LENGTH} characters.`)
  .regex(PLAIN_TEXT, plainTextMessage("A description"))
  .transform((s) => (s === "" ? null : s));

export const webhookEndpointIdSchema = z
  .string({ error: "Choose a webhook endpoint." })
  .trim()
  .min(1, "Choose a webhook endpoint.")
  .max(64, "That webhook endpoint id is not valid.");

export const webhookEndpointSchema = z.object({
  url: webhookUrlSchema,
  description: webhookDescriptionSchema.optional(),
  eventTypes: webhookEventTypesSchema,
  format: webhookFormatSchema.default("STANDARD"),
});

export const updateWebhookEndpointSchema = webhookEndpointSchema.extend({ endpointId: webhookEndpointIdSchema });

export const webhookEndpointRefSchema = z.object({ endpointId: webhookEndpointIdSchema });

export const setWebhookEndpointEnabledSchema = z.object({
  endpointId: webhookEndpointIdSchema,
  enabled: z.enum(["true", "false"], { error: "Choose enable or disable." }).transform((v) => v === "true"),
});

export type WebhookEndpointInput = z.infer<typeof webhookEndpointSchema>;
