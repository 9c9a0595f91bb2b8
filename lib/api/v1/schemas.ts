import { z } from "zod";
import { ERROR_STATUS } from "@/lib/errors";
import { FINDING_SEVERITIES } from "@/lib/validation/findings";
import { cursorSchema, pageLimitSchema } from "@/lib/validation/pagination";
import { observedServiceSchema, protocolSchema } from "@/lib/scanner/observed-service";

/**
 * The response bodies of /api/v1, declared once: the handlers build them through these types, the
 * OpenAPI document (./openapi.ts) is generated from them, and the tests validate real responses
 * against the document. Request inputs come from lib/validation, shared with the forms.
 */
const timestamp = z.iso.datetime().meta({ example: "2026-11-28T12:00:00.000Z" });
const id = z.string().meta({ example: "cmih3v0k20001qz8a1b2c3d4e" });

export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
      message: z.string().meta({ description: "Written for people; safe to show." }),
      fieldErrors: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: "For invalid input: the messages per field (or query parameter) name." }),
    }),
  })
  .meta({ id: "Error" });

export const scanRunSchema = z
  .object({
    id,
    assetId: id,
    status: z.enum(["QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"]),
    hostsDone: z.int(),
    hostsTotal: z.int(),
    portsFound: z.int(),
    error: z.string().nullable(),
    createdAt: timestamp,
    startedAt: timestamp.nullable(),
    finishedAt: timestamp.nullable(),
    graded: z.boolean().meta({ description: "The asset's grade from this scan is stored." }),
  })
  .meta({ id: "ScanRun" });

const latestScanSchema = z.object({
  id,
  status: scanRunSchema.shape.status,
  hostsDone: z.int(),
  hostsTotal: z.int(),
  portsFound: z.int(),
  error: z.string().nullable(),
});

const grade = z.enum(["A", "B", "C", "D", "F"]);

export const assetSchema = z
  .object({
    id,
    kind: z.enum(["domain", "ip"]),
    value: z.string().meta({ example: "example.com" }),
    label: z.string().nullable(),
    grade: grade.nullable(),
    score: z.int().min(0).max(100).nullable(),
    gradedAt: timestamp.nullable(),
    createdAt: timestamp,
    lastScanAt: timestamp.nullable(),
    nextScanAt: timestamp.nullable(),
    verified: z.boolean().meta({ description: "Ownership is proven (all ports and the plan's cadence)." }),
    verificationMethod: z.enum(["dns-txt", "http-file", "verified-domain"]).nullable(),
    latestScan: latestScanSchema.nullable(),
  })
  .meta({ id: "Asset" });

export const assetPageSchema = z
  .object({
    data: z.array(assetSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  })
  .meta({ id: "AssetPage" });

export const assetBodySchema = z.object({ asset: assetSchema }).meta({ id: "AssetResponse" });

export const scanRunBodySchema = z.object({ scanRun: scanRunSchema }).meta({ id: "ScanRunResponse" });

export const gradePointSchema = z
  .object({
    id,
    assetId: id.nullable().meta({ description: "Null for the organisation's grade." }),
    scanRunId: id.nullable(),
    grade,
    score: z.int().min(0).max(100),
    methodVersion: z
      .string()
      .meta({ description: "The grading method (docs/grading.md) that produced it.", example: "open-ports-1.1.0" }),
    gradedAt: timestamp,
  })
  .meta({ id: "GradePoint" });

export const gradePageSchema = z
  .object({ data: z.array(gradePointSchema), nextCursor: z.string().nullable() })
  .meta({ id: "GradePage" });

const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

/** One row of the findings export, JSON form (the CSV has the same columns in this order). */
export const findingSchema = z
  .object({
    asset: z.string(),
    asset_label: nullable(z.string()),
    ip: z.string(),
    hostname: z.string(),
    port: z.int().min(1).max(65535),
    protocol: protocolSchema,
    state: z.string(),
    typical_service: nullable(z.string()),
    pending_classification: z.boolean(),
    detected_service: nullable(z.string()),
    product: nullable(z.string()),
    version: nullable(z.string()),
    service_mismatch: z.boolean(),
    severity: nullable(z.enum(FINDING_SEVERITIES)),
    contribution: nullable(z.number()),
    rule: nullable(z.string()),
    remediation: nullable(z.string()),
    first_seen: timestamp,
    last_seen: timestamp,
    tls_protocol: nullable(z.string()),
    tls_subject: nullable(z.string()),
    tls_issuer: nullable(z.string()),
    tls_valid_to: nullable(z.string()),
    tls_self_signed: nullable(z.boolean()),
    banner: nullable(z.string()),
  })
  .strict()
  .meta({ id: "Finding" });

export const findingListSchema = z.array(findingSchema).meta({ id: "FindingList" });

export const exposureChangeSchema = z
  .object({
    id,
    kind: z.enum(["PORT_OPENED", "PORT_CLOSED", "SERVICE_CHANGED"]),
    at: timestamp,
    assetId: id,
    asset: z.string().meta({ example: "example.com" }),
    scanRunId: id,
    ip: z.string(),
    port: z.int().min(1).max(65535),
    protocol: protocolSchema,
    before: observedServiceSchema.nullable().meta({ description: "The service before (null when the port opened)." }),
    after: observedServiceSchema.nullable().meta({ description: "The service after (null when the port closed)." }),
  })
  .meta({ id: "ExposureChange" });

export const exposureChangePageSchema = z
  .object({
    data: z.array(exposureChangeSchema),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: "Pass as `since` on the next poll; null only while the feed has no change at all." }),
  })
  .meta({ id: "ExposureChangePage" });

export type AssetBody = z.infer<typeof assetSchema>;
export type ScanRunBody = z.infer<typeof scanRunSchema>;
export type GradePointBody = z.infer<typeof gradePointSchema>;
export type ExposureChangeBody = z.infer<typeof exposureChangeSchema>;

/** `?since=<cursor>&limit=…` of the exposure-change feed. */
export const exposureChangesQuerySchema = z.object({
  since: cursorSchema.optional(),
  limit: pageLimitSchema.optional(),
});
