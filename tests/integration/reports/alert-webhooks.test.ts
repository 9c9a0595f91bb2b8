import { afterAll, describe, expect, it, vi } from "vitest";

// The Inngest client reads its environment when it is created: point it at the loopback capture first.
const capture = await vi.hoisted(async () => {
  const { startEventCapture } = await import("../assets/event-capture");
  const c = await startEventCapture();
  process.env.INNGEST_BASE_URL = c.url;
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_DEV = "0";
  return c;
});

import { db } from "@/lib/db/client";
import { publishAlertWebhooks } from "@/lib/alerts/publish-alert-webhooks";
import { recordScanAlerts } from "@/lib/alerts/record-scan-alerts";
import { DAY, scanAt } from "../dashboard/seed-graded-org";
import { openPort } from "../scans/fixtures";

afterAll(() => capture.close());

const RDP = openPort(3389, { typicalService: "ms-wbt-server", detectedService: "ms-wbt-server" });

describe("alerts reach the organisation's webhooks", () => {
  it("each alert of a scan is one alert.created delivery per subscribed endpoint, published once", async () => {
    const org = await db.organization.create({ data: { name: "Hooked", plan: "STARTER", confirmOpenedPorts: false } });
    const other = await db.organization.create({ data: { name: "Other", plan: "STARTER" } });
    const asset = await db.asset.create({
      data: { organizationId: org.id, kind: "DOMAIN", value: "hooked.example.test" },
    });
    const endpoint = (eventTypes: string[], organizationId = org.id) =>
      db.webhookEndpoint.create({
        data: { organizationId, url: "https://hooks.example.test/in", eventTypes, secret: "whsec_dGVzdA==" },
      });
    const subscribed = await endpoint(["alert.created"]);
    await endpoint(["scan.completed"]);
    await endpoint(["alert.created"], other.id);

    const t0 = Date.now() - 2 * DAY;
    await scanAt(org.id, asset.id, new Date(t0), [openPort(443)]);
    const scanRunId = await scanAt(org.id, asset.id, new Date(t0 + DAY), [openPort(443), RDP]);
    const alerts = await recordScanAlerts(org.id, { assetId: asset.id, scanRunId, now: new Date(t0 + DAY) });
    expect(alerts.length).toBeGreaterThan(0);

    expect(await publishAlertWebhooks(org.id, scanRunId)).toEqual({ published: alerts.length });
    const deliveries = await db.webhookDelivery.findMany({ where: { eventType: "alert.created" } });
    expect(deliveries.map((d) => d.endpointId)).toEqual(Array(alerts.length).fill(subscribed.id));
    const opened = deliveries.find((d) => JSON.stringify(d.payload).includes("PORT_OPENED"));
    expect(opened?.payload).toMatchObject({
      type: "alert.created",
      data: { organization: { id: org.id, name: "Hooked" }, alert: { assetId: asset.id, kind: "PORT_OPENED" } },
    });
    expect(capture.events.filter((e) => e.name === "webhook/delivery.requested")).toHaveLength(alerts.length);

    // A retried step stores nothing new (a pending delivery is asked for again under the same event id,
    // which Inngest drops as a duplicate).
    await publishAlertWebhooks(org.id, scanRunId);
    expect(await db.webhookDelivery.count({ where: { eventType: "alert.created" } })).toBe(alerts.length);
  });
});
