import { inngest } from "@/inngest/client";
import { exposureChanged, orgGradeChanged, scanCompleted, scanFailed } from "@/inngest/events";
import { publishPipelineEvent } from "@/lib/webhooks/publish-pipeline-event";

/**
 * Announces pipeline events to the organisation's webhook endpoints: one stored delivery per subscribed
 * endpoint, each then sent by `deliver-webhook`.
 */
export const publishWebhookEvents = inngest.createFunction(
  {
    id: "publish-webhook-events",
    name: "Publish events to webhook endpoints",
    // An asset's first scan (its baseline) is announced by scan.completed alone, not port by port.
    triggers: [
      { event: exposureChanged, if: "event.data.baseline == false" },
      orgGradeChanged,
      scanCompleted,
      scanFailed,
    ],
    retries: 5,
  },
  async ({ event, step }) => {
    // Only the pipeline's events are announced, not a direct invocation.
    if (event.name === "inngest/function.invoked") return { deliveries: 0 };
    const published = await step.run("publish-webhook-event", () => publishPipelineEvent(event));
    return { deliveries: published?.deliveryIds.length ?? 0 };
  },
);
