import { beforeEach, describe, expect, it, vi } from "vitest";
import { InngestTestEngine } from "@inngest/test";

vi.mock("@/lib/webhooks/attempt-webhook-delivery", () => ({ attemptWebhookDelivery: vi.fn() }));
vi.mock("@/lib/webhooks/fail-webhook-delivery", () => ({ failWebhookDelivery: vi.fn() }));
vi.mock("@/lib/webhooks/publish-pipeline-event", () => ({ publishPipelineEvent: vi.fn() }));

const { attemptWebhookDelivery } = await import("@/lib/webhooks/attempt-webhook-delivery");
const { publishPipelineEvent } = await import("@/lib/webhooks/publish-pipeline-event");
const { deliverWebhook } = await import("@/inngest/functions/deliver-webhook");
const { publishWebhookEvents } = await import("@/inngest/functions/publish-webhook-events");

describe("deliver-webhook", () => {
  beforeEach(() => vi.mocked(attemptWebhookDelivery).mockReset());

  it("makes one attempt in a step named after the delivery", async () => {
    vi.mocked(attemptWebhookDelivery).mockResolvedValue({ state: "delivered", status: 200, attempts: 1 });
    const t = new InngestTestEngine({
      function: deliverWebhook,
      events: [
        { name: "webhook/delivery.requested", data: { organizationId: "o1", endpointId: "e1", deliveryId: "d1" } },
      ],
    });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ state: "delivered", status: 200, attempts: 1 });
    expect(ctx.step.run).toHaveBeenCalledWith("deliver-d1", expect.any(Function));
    expect(attemptWebhookDelivery).toHaveBeenCalledWith("o1", { deliveryId: "d1" });
  });
});

describe("publish-webhook-events", () => {
  it("publishes each pipeline event in one step", async () => {
    vi.mocked(publishPipelineEvent).mockResolvedValue({ eventId: "evt_scan_failed_r1", deliveryIds: ["d1", "d2"] });
    const event = {
      name: "asset/scan.failed",
      data: { organizationId: "o1", assetId: "a1", scanRunId: "r1", error: "refused" },
    };
    const t = new InngestTestEngine({ function: publishWebhookEvents, events: [event as never] });
    const { result, ctx } = await t.execute();
    expect(result).toEqual({ deliveries: 2 });
    expect(ctx.step.run).toHaveBeenCalledWith("publish-webhook-event", expect.any(Function));
    expect(publishPipelineEvent).toHaveBeenCalledWith(
      expect.objectContaining({ name: "asset/scan.failed", data: event.data }),
    );
  });
});
