import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startPipeline, waitFor, type Pipeline } from "../pipeline/pipeline-harness";
import { Webhook } from "standardwebhooks";
import { startDnsServer, type DnsServer } from "@/tests/helpers/dns-server";
import { db } from "@/lib/db/client";
import { requireMembership } from "@/lib/authz/membership";
import {
  createWebhookEndpointAction,
  deleteWebhookEndpointAction,
  revealWebhookSecretAction,
  rotateWebhookSecretAction,
  sendTestWebhookEventAction,
  setWebhookEndpointEnabledAction,
  updateWebhookEndpointAction,
} from "@/app/(app)/settings/webhooks/actions";
import { attemptWebhookDelivery, WebhookAttemptError } from "@/lib/webhooks/attempt-webhook-delivery";
import { checkWebhookUrl } from "@/lib/webhooks/check-webhook-url";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { getWebhookEndpoint } from "@/lib/webhooks/list-webhook-endpoints";
import { publishPipelineEvent } from "@/lib/webhooks/publish-pipeline-event";
import { publishWebhookEvent } from "@/lib/webhooks/publish-webhook-event";
import { sendWebhookRequest } from "@/lib/webhooks/send-webhook-request";
import { addMember, createOrg, createUser, form } from "../orgs/support/fixtures";
import { signInAs } from "../orgs/support/session-mock";
import { startReceiver, type Receiver } from "./receiver";

vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }));

/**
 * Outbound webhooks through the real pipeline (local executor, retries with a short backoff) to
 * receivers on 127.0.0.1. Loopback is opted in with WEBHOOK_ALLOWED_CIDRS, as an operator would for an
 * internal receiver; without it the same URLs are refused.
 */
let pipeline: Pipeline;
let dns: DnsServer;
const receivers: Receiver[] = [];
const receiver = async (...args: Parameters<typeof startReceiver>) => {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
};

beforeAll(async () => {
  dns = await startDnsServer({ "hooks.example.test": { A: ["127.0.0.1"] } });
  process.env.SCANNER_DNS_SERVERS = dns.address;
  pipeline = await startPipeline();
});

afterAll(async () => {
  await pipeline?.close();
  await dns?.stop();
  for (const r of receivers) await r.close();
});

const optIn = () => (process.env.WEBHOOK_ALLOWED_CIDRS = "127.0.0.0/8");
const optOut = () => delete process.env.WEBHOOK_ALLOWED_CIDRS;

async function world() {
  const owner = await createUser();
  const admin = await createUser();
  const viewer = await createUser();
  const org = await createOrg(owner);
  await addMember(org, admin, "ADMIN");
  await addMember(org, viewer, "VIEWER");
  return { owner, admin, viewer, org };
}

type World = Awaited<ReturnType<typeof world>>;

async function addEndpoint(w: World, fields: Record<string, string>) {
  signInAs(w.admin);
  const result = await createWebhookEndpointAction(
    undefined,
    form({ organizationId: w.org.id, eventTypes: "scan.completed,scan.failed", ...fields }),
  );
  if (result.error !== undefined) throw new Error(`endpoint not created: ${result.error}`);
  return result.data!.id;
}

const verify = async (endpointId: string, request: { headers: Record<string, string>; body: string }) => {
  const { secret } = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } });
  return new Webhook(secret).verify(request.body, request.headers);
};

const settled = (deliveryId: string) =>
  waitFor(`delivery ${deliveryId} to settle`, async () => {
    const d = await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
    return d.status === "PENDING" ? null : d;
  });

beforeEach(() => {
  optIn();
});

describe("adding endpoints", () => {
  it("refuses a URL resolving to loopback without the opt-in, and stores nothing", async () => {
    const w = await world();
    optOut();
    signInAs(w.admin);
    for (const url of ["http://hooks.example.test:8080/in", "https://127.0.0.1/in", "https://[::1]/in"]) {
      const result = await createWebhookEndpointAction(
        undefined,
        form({ organizationId: w.org.id, url, eventTypes: "scan.completed" }),
      );
      expect(result).toMatchObject({
        code: "invalid_input",
        fieldErrors: { url: [expect.stringContaining("public address")] },
      });
    }
    expect(await db.webhookEndpoint.count({ where: { organizationId: w.org.id } })).toBe(0);
    // The same name is accepted once loopback is opted in.
    optIn();
    expect((await checkWebhookUrl("http://hooks.example.test:8080/in")).ok).toBe(true);
  });

  it("validates the form: URL syntax, credentials, at least one known event; viewers may not add", async () => {
    const w = await world();
    signInAs(w.admin);
    const post = (fields: Record<string, string>) =>
      createWebhookEndpointAction(undefined, form({ organizationId: w.org.id, ...fields }));
    expect(await post({ url: "ftp://hooks.example.test/", eventTypes: "scan.completed" })).toMatchObject({
      fieldErrors: { url: ["A webhook URL starts with https://."] },
    });
    expect(await post({ url: "https://user:pw@hooks.example.test/", eventTypes: "scan.completed" })).toMatchObject({
      fieldErrors: { url: [expect.stringContaining("user name and password")] },
    });
    expect(await post({ url: "https://hooks.example.test/", eventTypes: "" })).toMatchObject({
      fieldErrors: { eventTypes: ["Choose at least one event to send."] },
    });
    expect(await post({ url: "https://hooks.example.test/", eventTypes: "port.scanned" })).toMatchObject({
      code: "invalid_input",
    });
    signInAs(w.viewer);
    expect(await post({ url: "https://hooks.example.test/", eventTypes: "scan.completed" })).toMatchObject({
      code: "forbidden",
    });
    expect(await db.webhookEndpoint.count({ where: { organizationId: w.org.id } })).toBe(0);
  });

  it("creates an endpoint with a whsec_ secret, audits create, change, rotation and deletion", async () => {
    const w = await world();
    const id = await addEndpoint(w, { url: "http://hooks.example.test:9/in#frag", description: "SIEM" });
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({
      url: "http://hooks.example.test:9/in",
      description: "SIEM",
      eventTypes: ["scan.completed", "scan.failed"],
      format: "STANDARD",
      enabled: true,
      createdById: w.admin.id,
    });
    expect(stored.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const ref = { organizationId: w.org.id, endpointId: id };
    const revealed = await revealWebhookSecretAction(undefined, form(ref));
    expect(revealed).toMatchObject({ data: { secret: stored.secret } });
    expect(await rotateWebhookSecretAction(undefined, form(ref))).toMatchObject({ success: expect.any(String) });
    const rotated = await db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(rotated.secret).not.toBe(stored.secret);
    expect(
      await updateWebhookEndpointAction(
        undefined,
        form({ ...ref, url: "http://hooks.example.test:10/in", eventTypes: "grade.changed", format: "SLACK" }),
      ),
    ).toMatchObject({ success: "Endpoint saved." });
    expect(await setWebhookEndpointEnabledAction(undefined, form({ ...ref, enabled: "false" }))).toMatchObject({
      success: expect.stringContaining("disabled"),
    });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      url: "http://hooks.example.test:10/in",
      eventTypes: ["grade.changed"],
      format: "SLACK",
      enabled: false,
      description: null,
    });
    expect(await deleteWebhookEndpointAction(undefined, form(ref))).toMatchObject({ success: "Endpoint deleted." });
    expect(await db.webhookEndpoint.count({ where: { id } })).toBe(0);

    const audit = await db.auditEvent.findMany({
      where: { organizationId: w.org.id, target: `webhook:${id}` },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "webhook.created",
      "webhook.secret_rotated",
      "webhook.updated",
      "webhook.updated",
      "webhook.deleted",
    ]);
    expect(audit.every((a) => a.actorUserId === w.admin.id)).toBe(true);
    // Secrets never reach the audit log, and of the URL only the host does.
    const serialized = JSON.stringify(audit);
    expect(serialized).not.toContain(stored.secret);
    expect(serialized).not.toContain(rotated.secret);
    expect(serialized).not.toContain("/in");
  });

  it("answers not found for another organisation's endpoint ids, and changes nothing", async () => {
    const a = await world();
    const b = await world();
    const id = await addEndpoint(a, { url: "http://hooks.example.test:9/in" });
    signInAs(b.admin);
    const ref = { organizationId: b.org.id, endpointId: id };
    for (const result of [
      await revealWebhookSecretAction(undefined, form(ref)),
      await rotateWebhookSecretAction(undefined, form(ref)),
      await sendTestWebhookEventAction(undefined, form(ref)),
      await setWebhookEndpointEnabledAction(undefined, form({ ...ref, enabled: "false" })),
      await updateWebhookEndpointAction(
        undefined,
        form({ ...ref, url: "http://hooks.example.test:9/x", eventTypes: "scan.failed" }),
      ),
      await deleteWebhookEndpointAction(undefined, form(ref)),
    ]) {
      expect(result).toMatchObject({ code: "not_found" });
    }
    // Naming A's organisation does not help B's admin either: they are not a member there.
    expect(
      await revealWebhookSecretAction(undefined, form({ organizationId: a.org.id, endpointId: id })),
    ).toMatchObject({ code: "not_found" });
    const bCtx = await requireMembership(b.admin.id, b.org.id, "webhooks:manage");
    expect(await getWebhookEndpoint(bCtx, id)).toBeNull();
    expect(await listWebhookDeliveries(bCtx, id)).toEqual([]);
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).toMatchObject({
      enabled: true,
      url: "http://hooks.example.test:9/in",
    });
  });
});

describe("delivering", () => {
  it("signs per Standard Webhooks, retries after a 500 and logs each attempt", async () => {
    const w = await world();
    const hook = await receiver([{ status: 500, body: "try later" }]);
    const id = await addEndpoint(w, { url: hook.url.replace("127.0.0.1", "hooks.example.test") });
    signInAs(w.admin);
    expect(
      await sendTestWebhookEventAction(undefined, form({ organizationId: w.org.id, endpointId: id })),
    ).toMatchObject({ success: expect.stringContaining("queued") });

    const [queued] = await db.webhookDelivery.findMany({ where: { endpointId: id } });
    const delivery = await settled(queued!.id);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 2, responseStatus: 200, error: null });

    expect(hook.requests).toHaveLength(2);
    for (const request of hook.requests) {
      expect(request).toMatchObject({ method: "POST", path: "/hooks/portwatch" });
      expect(request.headers["content-type"]).toBe("application/json");
      // Host names the URL's host although the connection went to the address it resolved to.
      expect(request.headers.host).toBe(`hooks.example.test:${hook.port}`);
      expect(await verify(id, request)).toMatchObject({
        type: "webhook.test",
        data: { endpointId: id, organization: { id: w.org.id, name: w.org.name } },
      });
    }
    // One event id across attempts, so receivers can drop a repeat.
    expect(hook.requests[0]!.headers["webhook-id"]).toBe(delivery.eventId);
    expect(hook.requests[1]!.headers["webhook-id"]).toBe(delivery.eventId);
    // A tampered body does not verify.
    await expect(
      verify(id, { ...hook.requests[1]!, body: hook.requests[1]!.body.replace("webhook", "w3bhook") }),
    ).rejects.toThrow();

    const ctx = await requireMembership(w.admin.id, w.org.id, "webhooks:manage");
    expect(await listWebhookDeliveries(ctx, id)).toEqual([
      expect.objectContaining({ eventType: "webhook.test", status: "SUCCEEDED", attempts: 2, responseStatus: 200 }),
    ]);
  });

  it("gives up after the retries and marks the delivery failed with the last response", async () => {
    const w = await world();
    const hook = await receiver(Array.from({ length: 20 }, () => ({ status: 503 })));
    await addEndpoint(w, { url: hook.url });
    const { deliveryIds } = await publishWebhookEvent({
      organizationId: w.org.id,
      type: "scan.failed",
      eventId: "evt_retries",
      data: { scanRunId: "run-1", error: "boom" },
    });
    const delivery = await settled(deliveryIds[0]!);
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 11, responseStatus: 503, error: "HTTP 503." });
    expect(hook.requests).toHaveLength(11);
  }, 60_000);

  it("does not follow a redirect", async () => {
    const w = await world();
    const elsewhere = await receiver();
    const hook = await receiver([{ status: 307, headers: { location: elsewhere.url } }]);
    const id = await addEndpoint(w, { url: hook.url });
    const [deliveryId] = (
      await db.webhookDelivery.createManyAndReturn({
        data: [
          {
            organizationId: w.org.id,
            endpointId: id,
            eventId: "evt_redirect",
            eventType: "scan.failed",
            payload: {
              type: "scan.failed",
              timestamp: new Date().toISOString(),
              data: { organization: { id: w.org.id, name: "x" } },
            },
          },
        ],
      })
    ).map((d) => d.id);
    await expect(attemptWebhookDelivery(w.org.id, { deliveryId: deliveryId! })).rejects.toThrow(WebhookAttemptError);
    expect(hook.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId! } })).toMatchObject({
      status: "PENDING",
      attempts: 1,
      responseStatus: 307,
      error: expect.stringContaining("redirects are not followed"),
    });
  });

  it("caps the response it reads and the time it waits", async () => {
    const huge = await receiver([{ hugeBody: 50 * 1024 * 1024 }]);
    const target = await checkWebhookUrl(huge.url);
    if (!target.ok) throw new Error(target.message);
    const answered = await sendWebhookRequest(target.target, { headers: {}, body: "{}" });
    expect(answered).toEqual({ ok: true, status: 200, error: null });
    // Portwatch hung up after 64 KiB: the receiver never got to write its 50 MiB.
    await new Promise((r) => setTimeout(r, 200));
    expect(huge.hugeBytesWritten).toBeLessThan(10 * 1024 * 1024);

    const slow = await receiver([{ silent: true }]);
    const slowTarget = await checkWebhookUrl(slow.url);
    if (!slowTarget.ok) throw new Error(slowTarget.message);
    const started = Date.now();
    const timedOut = await sendWebhookRequest(slowTarget.target, { headers: {}, body: "{}" }, { timeoutMs: 300 });
    expect(timedOut).toEqual({ ok: false, status: null, error: "No answer within 0.3 s." });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("checks the address again at delivery time: an opt-in withdrawn since saving refuses the delivery", async () => {
    const w = await world();
    const hook = await receiver();
    await addEndpoint(w, { url: hook.url.replace("127.0.0.1", "hooks.example.test") });
    optOut();
    const { deliveryIds } = await publishWebhookEvent({
      organizationId: w.org.id,
      type: "scan.completed",
      eventId: "evt_refused",
      data: {},
    });
    const delivery = await settled(deliveryIds[0]!);
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 1, responseStatus: null });
    expect(delivery.error).toContain("public address");
    expect(hook.requests).toHaveLength(0);
  });

  it("announces pipeline events to subscribed endpoints once, in Slack's format where chosen", async () => {
    const w = await world();
    const slack = await receiver();
    const standard = await receiver();
    const slackId = await addEndpoint(w, { url: slack.url, format: "SLACK", eventTypes: "scan.completed" });
    const otherId = await addEndpoint(w, { url: standard.url, eventTypes: "exposure.changed" });
    const asset = await db.asset.create({
      data: { organizationId: w.org.id, kind: "DOMAIN", value: "shop.example.test", label: "Shop" },
    });
    const event = {
      name: "asset/scan.completed" as const,
      data: { organizationId: w.org.id, assetId: asset.id, scanRunId: "run-42", hostsScanned: 3, portsFound: 7 },
    };
    const first = await publishPipelineEvent(event);
    const again = await publishPipelineEvent(event);
    expect(first?.deliveryIds).toHaveLength(1);
    expect(again?.eventId).toBe(first?.eventId);
    await settled(first!.deliveryIds[0]!);
    await waitFor("the Slack delivery", async () => slack.requests.length > 0);
    expect(slack.requests).toHaveLength(1);
    expect(standard.requests).toHaveLength(0);
    expect(await db.webhookDelivery.count({ where: { endpointId: otherId } })).toBe(0);

    const body = JSON.parse(slack.requests[0]!.body) as { text: string; blocks: { type: string }[] };
    expect(body.text).toBe("The scan of Shop finished: 3 hosts scanned, 7 open ports.");
    expect(body.blocks.map((b) => b.type)).toEqual(["section", "context"]);
    expect(JSON.stringify(body.blocks)).toContain(`/assets/${asset.id}|Open in Portwatch`);
    // Signed all the same, so any receiver can check it.
    expect(await verify(slackId, slack.requests[0]!)).toEqual(body);

    // A baseline scan's exposure changes are not announced one by one; later ones are.
    const change = {
      name: "asset/exposure.changed" as const,
      data: {
        organizationId: w.org.id,
        assetId: asset.id,
        scanRunId: "run-43",
        exposureChangeId: "chg-1",
        kind: "PORT_OPENED" as const,
        ip: "127.0.0.1",
        port: 22,
        protocol: "tcp" as const,
        before: null,
        after: null,
        detectedAt: new Date().toISOString(),
        baseline: true,
      },
    };
    expect(await publishPipelineEvent(change)).toBeNull();
    const opened = await publishPipelineEvent({ ...change, data: { ...change.data, baseline: false } });
    expect(opened?.eventId).toBe("evt_exposure_chg-1");
    await settled(opened!.deliveryIds[0]!);
    expect(await verify(otherId, standard.requests[0]!)).toMatchObject({
      type: "exposure.changed",
      data: { change: "opened", port: 22, protocol: "tcp", asset: { id: asset.id, value: "shop.example.test" } },
    });
  });
});
