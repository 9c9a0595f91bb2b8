import type { NextRequest } from "next/server";
import { authenticateApiKey, RefusedApiKeyError, type AuthenticatedApiKey } from "@/lib/api-keys/authenticate-api-key";
import { consumeApiRequest, type RateLimitState } from "@/lib/api-keys/rate-limit";
import { scopeAllows, type ApiCapability } from "@/lib/api-keys/scope";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";
import type { MemberCapability } from "@/lib/authz/capabilities";
import { requireMembership } from "@/lib/authz/membership";
import type { OrgContext } from "@/lib/authz/org-context";
import { assertPlanActive } from "@/lib/authz/plan";
import { AppError, notFound } from "@/lib/errors";
import { errorResponse } from "./error-response";

export type ApiContext<C extends ApiCapability, K extends string = never> = OrgContext<C | MemberCapability> & {
  apiKey: AuthenticatedApiKey;
  params: Record<K, string>;
  ip: string;
};

export interface ApiRouteOptions<C extends ApiCapability, K extends string> {
  capability: C;
  /** Refuse once the trial has ended (adding assets, scanning); reading stays open. */
  requireActivePlan?: boolean;
  params?: readonly K[];
}

function rateLimitHeaders(rate: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(rate.limit),
    "RateLimit-Remaining": String(rate.remaining),
    "RateLimit-Reset": String(rate.resetSeconds),
    "RateLimit-Policy": `${rate.limit};w=${rate.windowSeconds}`,
    ...(rate.limited ? { "Retry-After": String(rate.resetSeconds) } : {}),
  };
}

/**
 * The one wrapper of /api/v1 route handlers. In order: the key (`Authorization: Bearer pw_…`; 401 when
 * missing, unknown, revoked or expired), the key's rate limit (429), its scope (403), then the same
 * membership check as a signed-in request, for the member who created the key — checked in the query,
 * so the key acts for its organisation only and never beyond that member's role (403), and ids of
 * another organisation are "not found" (404). Every call a key makes is written to the audit log with
 * the key, method, path, status and client address; every error has the shape of lib/api/error-response.ts.
 */
export function withApiKey<C extends ApiCapability, K extends string = never>(
  handler: (req: NextRequest, ctx: ApiContext<C, K>) => Promise<Response>,
  options: ApiRouteOptions<C, K>,
) {
  return async (
    req: NextRequest,
    route: { params: Promise<Record<string, string | string[] | undefined>> },
  ): Promise<Response> => {
    const ip = clientIpFromHeaders(req.headers);
    let key: AuthenticatedApiKey | undefined;
    let headers: Record<string, string> = {};
    let response: Response;
    try {
      try {
        key = await authenticateApiKey(req.headers.get("authorization"));
      } catch (error) {
        if (error instanceof RefusedApiKeyError) key = error.key;
        throw error;
      }
      const rate = await consumeApiRequest(key.id);
      headers = rateLimitHeaders(rate);
      if (rate.limited) {
        throw new AppError(
          "rate_limited",
          `This API key made more than ${rate.limit} requests in ${rate.windowSeconds} seconds. Try again in ${rate.resetSeconds} seconds.`,
        );
      }
      if (!scopeAllows(key.scope, options.capability)) {
        throw new AppError("forbidden", "This API key is read-only. Create a read and write key to make changes.");
      }
      const ctx = await memberContext(key, options.capability);
      if (options.requireActivePlan) assertPlanActive(ctx);
      const params = await routeParams(route, options.params ?? []);
      response = await handler(req, Object.assign(ctx, { apiKey: key, params, ip }));
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    } catch (error) {
      response = errorResponse(error, headers);
    }
    if (key) await auditCall(key, req, response.status, ip);
    return response;
  };
}

/** The key's member, checked with the route's capability; a member who left makes the key unusable. */
async function memberContext<C extends ApiCapability>(key: AuthenticatedApiKey, capability: C) {
  try {
    return await requireMembership(key.createdById!, key.organizationId, capability);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found")
      throw new RefusedApiKeyError(
        key,
        "The member who created this API key has left the organisation, so the key no longer works.",
      );
    if (error instanceof AppError && error.code === "forbidden")
      throw new AppError("forbidden", `This API key acts with the role of the member who created it. ${error.message}`);
    throw error;
  }
}

async function routeParams<K extends string>(
  route: { params: Promise<Record<string, string | string[] | undefined>> },
  names: readonly K[],
): Promise<Record<K, string>> {
  const raw = await route.params;
  const params = {} as Record<K, string>;
  for (const name of names) {
    const value = raw[name];
    if (typeof value !== "string" || value === "" || value.length > 64) throw notFound();
    params[name] = value;
  }
  return params;
}

function auditCall(key: AuthenticatedApiKey, req: NextRequest, status: number, ip: string) {
  return recordAuditEvent({
    action: "api.request",
    organizationId: key.organizationId,
    actorUserId: key.createdById,
    target: `api_key:${key.id}`,
    ip,
    details: {
      key: key.name,
      keyPrefix: key.prefix,
      method: req.method,
      path: req.nextUrl.pathname,
      status,
    },
  });
}
