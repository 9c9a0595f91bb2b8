/**
 * Every event of the pipeline, named `domain/noun.verb`, with a zod schema. Functions triggered by one
 * of these validate the payload at run time (an invalid event fails at once, without retries), and
 * `inngest.send(event.create(data))` validates before sending.
 */
import { z } from "zod";
import { observedPortSchema, observedServiceSchema } from "@/lib/scanner/observed-service";
import { eventType } from "inngest";

const id = z.string().min(1).max(200);
const grade = z.enum(["A", "B", "C", "D", "F"]);
const score = z.number().int().min(0).max(100);

/** Scan an asset now. `scanRunId` names the QUEUED run created with the request (see lib/scan-runs/create-scan-run). */
export const scanRequested = eventType("asset/scan.requested", {
  schema: z.object({
    organizationId: id,
    assetId: id,
    scanRunId: id.optional(),
    trigger: z.enum(["MANUAL", "SCHEDULED", "API"]),
    requestedById: id.nullable().optional(),
  }),
});

/** A scan run finished and all its observations are stored. */
export const scanCompleted = eventType("asset/scan.completed", {
  schema: z.object({
    organizationId: id,
    assetId: id,
    scanRunId: id,
    hostsScanned: z.number().int().min(0),
    portsFound: z.number().int().min(0),
  }),
});

/** A scan run ended FAILED (refused or unresolvable target, retries exhausted); `error` is what the user reads. */
export const scanFailed = eventType("asset/scan.failed", {
  schema: z.object({
    organizationId: id,
    assetId: id,
    scanRunId: id,
    error: z.string().max(2000),
  }),
});

/** The organisation's letter or score changed. `previous` is null for its first grade. */
export const orgGradeChanged = eventType("org/grade.changed", {
  schema: z.object({
    organizationId: id,
    previous: z.object({ grade: z.string(), score }).nullable(),
    current: z.object({ grade, score }),
    methodVersion: z.string(),
    cause: z.string(),
    snapshotId: id,
  }),
});

// The observed-service contract. Changes recorded before facts and banners were stored lack them
// (event schemas allow no defaults), so those two stay optional here.
const serviceSnapshot = observedServiceSchema.partial({ facts: true, banner: true, versionRevision: true });

/** One newly opened port, closed port or changed service, as stored in ExposureChange; where, in the contract's names. */
export const exposureChanged = eventType("asset/exposure.changed", {
  schema: observedPortSchema.pick({ ip: true, port: true, protocol: true }).extend({
    organizationId: id,
    assetId: id,
    scanRunId: id,
    exposureChangeId: id,
    kind: z.enum(["PORT_OPENED", "PORT_CLOSED", "SERVICE_CHANGED"]),
    before: serviceSnapshot.nullable(),
    after: serviceSnapshot.nullable(),
    detectedAt: z.string(),
    /** The asset's first completed scan: everything is new, so alerts usually stay quiet. */
    baseline: z.boolean(),
  }),
});

/** An asset was (soft-)deleted: its running scans stop and the organisation is regraded without it. */
export const assetDeleted = eventType("asset/deleted", {
  schema: z.object({ organizationId: id, assetId: id }),
});

/** An organisation's report for one period is due (the schedule, or "Send report now"): mail it to its recipients. */
export const reportDue = eventType("org/report.due", {
  schema: z.object({
    organizationId: id,
    /** "scheduled:<send time>" or "manual:<request id>": one report, one mail per recipient, whatever the retries. */
    periodKey: z.string().min(1).max(200),
    periodEnd: z.string(),
  }),
});

/** Grading of a scanned asset finished (grades and per-port severities are stored): alerts may be worked out. */
export const assetGraded = eventType("asset/grading.completed", {
  schema: z.object({
    organizationId: id,
    assetId: id,
    scanRunId: id,
    snapshotId: id,
  }),
});

/** The daily alert digest of an organisation is due (08:00 in its time zone). */
export const alertDigestDue = eventType("org/alert-digest.due", {
  schema: z.object({ organizationId: id, periodKey: z.string().min(1).max(200), until: z.string() }),
});

/** Run the public security test stored as `securityTestId` (lib/security-test). */
export const securityTestRequested = eventType("security-test/scan.requested", {
  schema: z.object({ securityTestId: id }),
});

/** Deliver one stored WebhookDelivery (lib/webhooks) to its endpoint, with retries. */
export const webhookDeliveryRequested = eventType("webhook/delivery.requested", {
  schema: z.object({ organizationId: id, endpointId: id, deliveryId: id }),
});

export type ScanRequestedData = z.infer<typeof scanRequested.schema>;
export type ScanCompletedData = z.infer<typeof scanCompleted.schema>;
export type ExposureChangedData = z.infer<typeof exposureChanged.schema>;
