import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { findingsFilterSchema } from "@/lib/validation/findings";
import { addAssetSchema } from "@/lib/validation/asset";
import { pageQuerySchema } from "@/lib/validation/pagination";
import { relabelAssetSchema } from "@/lib/validation/asset";
import {
  assetBodySchema,
  assetPageSchema,
  errorBodySchema,
  exposureChangePageSchema,
  exposureChangesQuerySchema,
  findingListSchema,
  gradePageSchema,
  scanRunBodySchema,
} from "./schemas";

/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers use (request
 * inputs from lib/validation, responses from ./schemas.ts). Served at /api/v1/openapi.json and shown
 * at /docs/api. tests/integration/api/openapi.test.ts fails when a route is missing here or a real
 * response does not match its schema.
 */
const KEY = "pw_YOUR_API_KEY";
const BASE = "https://portwatch.example/api/v1";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });

const ERROR_DESCRIPTIONS = {
  "400": "Invalid input: `fieldErrors` names each field or query parameter and what is wrong.",
  "401": "The API key is missing, unknown, revoked or expired (code `unauthenticated`).",
  "402": "The trial has ended or the plan's limit is reached (code `plan_limit`).",
  "403": "The key is read-only, or the role of the member who created it does not allow this (code `forbidden`).",
  "404": "No such item in the key's organisation; ids of other organisations are never found (code `not_found`).",
  "409": "The asset is already monitored (code `conflict`).",
  "413": "The request body is too large (code `payload_too_large`).",
  "429":
    "Too many requests for this key, or the scan cooldown / daily scan budget (code `rate_limited`); see `Retry-After`.",
  "500": "Something failed on our side (code `internal`); nothing was changed.",
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests allowed per window for this key." }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in the current window." }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window resets." }),
});

function errors(...statuses: ErrorStatus[]): ZodOpenApiResponsesObject {
  const always: ErrorStatus[] = ["401", "429", "500"];
  const all = [...new Set([...statuses, ...always])].sort();
  return Object.fromEntries(
    all.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status],
        ...json(errorBodySchema),
        ...(status === "429"
          ? {
              headers: rateLimitHeaders.extend({
                "Retry-After": z.string().meta({ description: "Seconds to wait before trying again." }),
              }),
            }
          : {}),
      },
    ]),
  );
}

function ok(description: string, schema: z.ZodType) {
  return { description, headers: rateLimitHeaders, ...json(schema) };
}

function curl(method: string, path: string, body?: string): ZodOpenApiOperationObject["x-codeSamples"] {
  const lines = [
    `curl${method === "GET" ? "" : ` -X ${method}`} "${BASE}${path}"`,
    `  -H "Authorization: Bearer ${KEY}"`,
  ];
  if (body) lines.push(`  -H "Content-Type: application/json"`, `  -d '${body}'`);
  return [{ lang: "Shell", label: "curl", source: lines.join(" \\\n") }];
}

const assetPath = z.object({ assetId: z.string().meta({ description: "The asset's id." }) });
const scanPath = z.object({ scanRunId: z.string().meta({ description: "The scan's id." }) });

/** What each filter of the findings page means, for the reference (the schema itself is lib/validation's). */
const FINDINGS_FILTER_HELP: Record<keyof typeof findingsFilterSchema.shape, string> = {
  severity: "Comma-separated severities: critical, high, medium, low, info.",
  service: "A service name, typical or detected (ssh, http, ms-wbt-server …).",
  asset: "An asset's id: only its ports.",
  protocol: "tcp or udp.",
  mismatch: "true: only ports whose detected service differs from the typical one.",
  pending: "true: only ports Pending classification.",
  since: "First seen on or after this date (YYYY-MM-DD, UTC).",
  q: "Free text: a port number, or part of a host, name, asset, service, product or version.",
};

const findingsQuery = z.object({
  ...Object.fromEntries(
    Object.entries(findingsFilterSchema.shape).map(([name, schema]) => [
      name,
      schema.meta({ description: FINDINGS_FILTER_HELP[name as keyof typeof FINDINGS_FILTER_HELP] }),
    ]),
  ),
  format: z.enum(["json", "csv"]).optional().meta({ description: "json (default) or csv." }),
});

export const OPENAPI_DOCUMENT = createDocument({
  openapi: "3.1.0",
  info: {
    title: "Portwatch API",
    version: "1.0.0",
    description: [
      "Read your organisation's assets, open ports (findings), grades and exposure changes, add and relabel assets, and request scans.",
      "",
      "**Authentication.** Create a key under *Settings → API keys* (owners and admins) and send it as `Authorization: Bearer pw_…`.",
      "A read-only key can call every GET; a read and write key can also add, relabel and delete assets and request scans.",
      "A key acts for its organisation with the role of the member who created it.",
      "",
      '**Errors** have one shape: `{ "error": { "code", "message", "fieldErrors"? } }`.',
      "",
      "**Rate limits** are per key (120 requests a minute unless the operator changed it); every answer carries",
      "`RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`, and a 429 also `Retry-After`.",
      "",
      "**Pagination.** Lists return `nextCursor`; pass it back as `cursor` (or `since` for the exposure-change feed).",
    ].join("\n"),
  },
  servers: [{ url: "/api/v1", description: "This Portwatch server" }],
  security: [{ apiKey: [] }],
  components: {
    securitySchemes: {
      apiKey: { type: "http", scheme: "bearer", description: "An API key: `pw_` followed by 43 characters." },
    },
  },
  paths: {
    "/assets": {
      get: {
        operationId: "listAssets",
        summary: "List assets",
        description: "The organisation's monitored assets, newest first.",
        tags: ["Assets"],
        requestParams: { query: pageQuerySchema },
        responses: { "200": ok("One page of assets.", assetPageSchema), ...errors("400") },
        "x-codeSamples": curl("GET", "/assets?limit=50"),
      },
      post: {
        operationId: "createAsset",
        summary: "Add an asset",
        description:
          "Adds a domain or an IP address, with the validation and messages of the add form and the plan's asset cap. A value deleted earlier is restored with its history (200).",
        tags: ["Assets"],
        requestBody: { required: true, ...json(addAssetSchema) },
        responses: {
          "201": ok("The asset was added.", assetBodySchema),
          "200": ok("A deleted asset was restored with its history.", assetBodySchema),
          ...errors("400", "402", "403", "409", "413"),
        },
        "x-codeSamples": curl("POST", "/assets", '{"value":"example.com","label":"Main site"}'),
      },
    },
    "/assets/{assetId}": {
      get: {
        operationId: "getAsset",
        summary: "Get an asset",
        tags: ["Assets"],
        requestParams: { path: assetPath },
        responses: { "200": ok("The asset.", assetBodySchema), ...errors("404") },
        "x-codeSamples": curl("GET", "/assets/ASSET_ID"),
      },
      patch: {
        operationId: "relabelAsset",
        summary: "Relabel an asset",
        description: "Sets the asset's label; blank or null removes it.",
        tags: ["Assets"],
        requestParams: { path: assetPath },
        requestBody: { required: true, ...json(relabelAssetSchema) },
        responses: { "200": ok("The relabelled asset.", assetBodySchema), ...errors("400", "403", "404", "413") },
        "x-codeSamples": curl("PATCH", "/assets/ASSET_ID", '{"label":"Production"}'),
      },
      delete: {
        operationId: "deleteAsset",
        summary: "Delete an asset",
        description: "Stops monitoring the asset. Its history is kept for 30 days; adding it again restores it.",
        tags: ["Assets"],
        requestParams: { path: assetPath },
        responses: { "204": { description: "Deleted.", headers: rateLimitHeaders }, ...errors("403", "404") },
        "x-codeSamples": curl("DELETE", "/assets/ASSET_ID"),
      },
    },
    "/assets/{assetId}/scans": {
      post: {
        operationId: "requestScan",
        summary: "Request a scan",
        description:
          "Queues a scan of the asset, under the same cooldown and daily scan budget as “Scan now”. If the asset is already being scanned, that scan is returned.",
        tags: ["Scans"],
        requestParams: { path: assetPath },
        responses: { "202": ok("The scan is queued (or running).", scanRunBodySchema), ...errors("402", "403", "404") },
        "x-codeSamples": curl("POST", "/assets/ASSET_ID/scans"),
      },
    },
    "/scans/{scanRunId}": {
      get: {
        operationId: "getScan",
        summary: "Get a scan's status and progress",
        tags: ["Scans"],
        requestParams: { path: scanPath },
        responses: { "200": ok("The scan.", scanRunBodySchema), ...errors("404") },
        "x-codeSamples": curl("GET", "/scans/SCAN_ID"),
      },
    },
    "/assets/{assetId}/grades": {
      get: {
        operationId: "listAssetGrades",
        summary: "An asset's grade history",
        description: "Every grading of the asset, newest first, each with the grading method version.",
        tags: ["Grades"],
        requestParams: { path: assetPath, query: pageQuerySchema },
        responses: { "200": ok("One page of grades.", gradePageSchema), ...errors("400", "404") },
        "x-codeSamples": curl("GET", "/assets/ASSET_ID/grades"),
      },
    },
    "/grades": {
      get: {
        operationId: "listOrganizationGrades",
        summary: "The organisation's grade history",
        description: "Every grading of the organisation, newest first, each with the grading method version.",
        tags: ["Grades"],
        requestParams: { query: pageQuerySchema },
        responses: { "200": ok("One page of grades.", gradePageSchema), ...errors("400") },
        "x-codeSamples": curl("GET", "/grades"),
      },
    },
    "/findings": {
      get: {
        operationId: "listFindings",
        summary: "Findings (open ports)",
        description:
          "Every open port with what the dashboard shows (typical and detected service, severity, contribution, TLS, banner), under the filters of the findings page. Streamed; `format=csv` returns CSV with the same columns.",
        tags: ["Findings"],
        requestParams: { query: findingsQuery },
        responses: {
          "200": {
            description: "The findings.",
            headers: rateLimitHeaders,
            content: {
              "application/json": { schema: findingListSchema },
              "text/csv": { schema: z.string().meta({ description: "The same columns as the JSON keys." }) },
            },
          },
          ...errors("400", "404"),
        },
        "x-codeSamples": curl("GET", "/findings?severity=critical,high&format=json"),
      },
    },
    "/exposure-changes": {
      get: {
        operationId: "listExposureChanges",
        summary: "Exposure changes feed",
        description:
          "Ports opened, closed and changed, oldest first. Poll with `since` set to the previous answer's `nextCursor` to see every change once. Changes appear about 10 seconds after they are stored.",
        tags: ["Exposure changes"],
        requestParams: { query: exposureChangesQuerySchema },
        responses: { "200": ok("Changes after the cursor.", exposureChangePageSchema), ...errors("400") },
        "x-codeSamples": curl("GET", "/exposure-changes?since=CURSOR"),
      },
    },
    "/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        description: "The OpenAPI 3.1 document of this API. Public: no key needed.",
        tags: ["Meta"],
        security: [],
        responses: {
          "200": { description: "The document.", ...json(z.record(z.string(), z.unknown())) },
        },
        "x-codeSamples": [{ lang: "Shell", label: "curl", source: `curl "${BASE}/openapi.json"` }],
      },
    },
  },
});
