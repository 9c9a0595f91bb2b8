import { NextRequest } from "next/server";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { requireMembership } from "@/lib/authz/membership";
import { OPENAPI_DOCUMENT } from "@/lib/api/v1/openapi";

type Handler = (
  req: NextRequest,
  route: { params: Promise<Record<string, string | string[] | undefined>> },
) => Promise<Response>;

/** A key made the way the settings page makes it (createApiKey for a member who may manage keys). */
export async function keyFor(
  user: { id: string },
  org: { id: string },
  scope: "READ" | "READ_WRITE" = "READ_WRITE",
  expiresAt?: Date,
): Promise<{ id: string; key: string }> {
  const ctx = await requireMembership(user.id, org.id, "api-keys:manage");
  return createApiKey(ctx, { name: `test key ${scope}`, scope, expiresAt });
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/**
 * One HTTP request to a route handler, as Next.js hands it over (a NextRequest and the route's
 * params), from a client on 203.0.113.7 (socket address header, as instrumentation.ts stamps it).
 */
export async function callApi(
  handler: Handler,
  path: string,
  options: {
    key?: string | null;
    method?: string;
    body?: unknown;
    rawBody?: string;
    params?: Record<string, string>;
  } = {},
): Promise<ApiAnswer> {
  const headers = new Headers({ "x-portwatch-socket-address": "203.0.113.7" });
  if (options.key) headers.set("authorization", `Bearer ${options.key}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers.set("content-type", "application/json");
  const req = new NextRequest(`http://127.0.0.1/api/v1${path}`, {
    method: options.method ?? "GET",
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  let parsed: unknown = null;
  if ((res.headers.get("content-type") ?? "").includes("json") && text) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, body: parsed };
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };

/**
 * Validates a real response against the schema the OpenAPI document gives for this path, method and
 * status: the answer must be documented, and must match.
 */
export function expectDocumented(answer: ApiAnswer, pathTemplate: string, method: string): void {
  const paths = OPENAPI_DOCUMENT.paths as Record<string, Record<string, Operation>>;
  const operation = paths[pathTemplate]?.[method.toLowerCase()];
  expect(operation, `${method} ${pathTemplate} is in the document`).toBeDefined();
  const response = operation!.responses[String(answer.status)];
  expect(response, `${method} ${pathTemplate} documents status ${answer.status}`).toBeDefined();
  const schema = response!.content?.["application/json"]?.schema;
  if (!schema) {
    expect(answer.text).toBe("");
    return;
  }
  const validate = ajv.compile({ ...schema, components: OPENAPI_DOCUMENT.components });
  const valid = validate(answer.body);
  expect(validate.errors ?? [], `${method} ${pathTemplate} ${answer.status} matches its schema`).toEqual([]);
  expect(valid).toBe(true);
}
