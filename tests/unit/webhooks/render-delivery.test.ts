import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import { renderDelivery } from "@/lib/webhooks/render-delivery";
import { summaryOf } from "@/lib/webhooks/slack-message";
import type { WebhookPayload } from "@/lib/webhooks/webhook-payload";

const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const organization = { id: "org1", name: "Acme <Ops>" };
const asset = { id: "a1", value: "shop.example.test", label: null, url: "http://localhost:3000/assets/a1" };
const payload = (type: WebhookPayload["type"], data: Record<string, unknown>): WebhookPayload => ({
  type,
  timestamp: "2026-11-28T12:00:00.000Z",
  data: { ...data, organization },
});

describe("rendering a delivery", () => {
  it("signs the exact body per Standard Webhooks, verifiable with the library", () => {
    const now = new Date();
    const event = payload("scan.failed", { asset, scanRunId: "r1", error: "refused" });
    const { headers, body } = renderDelivery({ format: "STANDARD", secret }, { eventId: "evt_1", payload: event }, now);
    expect(headers["webhook-id"]).toBe("evt_1");
    expect(headers["webhook-timestamp"]).toBe(String(Math.floor(now.getTime() / 1000)));
    expect(headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(event);
    expect(() => new Webhook("whsec_" + Buffer.alloc(32, 1).toString("base64")).verify(body, headers)).toThrow();
  });

  it("gives Slack a {text, blocks} body with mrkdwn escaped", () => {
    const event = payload("grade.changed", {
      previous: { grade: "B", score: 82 },
      current: { grade: "C", score: 71 },
      url: "http://localhost:3000/dashboard",
    });
    const { body } = renderDelivery({ format: "SLACK", secret }, { eventId: "evt_2", payload: event }, new Date());
    const slack = JSON.parse(body) as { text: string; blocks: { text?: { text: string } }[] };
    expect(slack.text).toBe("The Open Ports grade of Acme &lt;Ops&gt; changed from B (82) to C (71).");
    expect(slack.blocks[0]!.text!.text).toContain("<http://localhost:3000/dashboard|Open in Portwatch>");
  });

  it("says what happened for each event type", () => {
    const after = { typicalService: "http", detectedService: "ssh", product: "OpenSSH", version: "9.2" };
    const port = { asset, ip: "127.0.0.1", port: 8080, protocol: "tcp" };
    expect(summaryOf(payload("exposure.changed", { ...port, change: "opened", before: null, after }))).toBe(
      "Port 8080/tcp on 127.0.0.1 (shop.example.test) opened: ssh OpenSSH 9.2.",
    );
    expect(summaryOf(payload("exposure.changed", { ...port, change: "closed", before: after, after: null }))).toBe(
      "Port 8080/tcp on 127.0.0.1 (shop.example.test) closed.",
    );
    expect(
      summaryOf(payload("exposure.changed", { ...port, change: "changed", before: { typicalService: "http" }, after })),
    ).toBe("The service on port 8080/tcp on 127.0.0.1 (shop.example.test) changed from http to ssh OpenSSH 9.2.");
    expect(summaryOf(payload("grade.changed", { previous: null, current: { grade: "A", score: 97 } }))).toBe(
      "The Open Ports grade of Acme <Ops> changed from ungraded to A (97).",
    );
    expect(summaryOf(payload("scan.failed", { asset, error: "It does not resolve." }))).toBe(
      "The scan of shop.example.test failed: It does not resolve.",
    );
    expect(summaryOf(payload("alert.created", { title: "Telnet exposed on 2 hosts" }))).toBe(
      "Telnet exposed on 2 hosts",
    );
  });
});
