import { NextResponse, type NextRequest } from "next/server";
import type { Role } from "@/lib/generated/prisma/enums";
import { ERROR_STATUS, toPublicError, unauthenticated } from "@/lib/errors";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { requireMembership, type OrgContext } from "@/lib/authz/require-membership";
import { assertPlanActive } from "@/lib/authz/plan";

type RouteParams = Record<string, string | string[] | undefined> & { orgId: string };

export interface OrgRouteContext<P extends RouteParams> extends OrgContext {
  user: SessionUser;
  params: P;
}

export function errorResponse(error: unknown): NextResponse {
  const e = toPublicError(error);
  return NextResponse.json({ error: { code: e.code, message: e.message, fieldErrors: e.fieldErrors } }, { status: ERROR_STATUS[e.code] });
}

/**
 * The one wrapper for route handlers under /api/orgs/[orgId]/…: session, membership with at least
 * `role` (checked in the query; another organisation's id is "not found"), optional active plan, and
 * every error mapped to its HTTP status with a safe message.
 */
export function withOrg<P extends RouteParams>(
  handler: (req: NextRequest, ctx: OrgRouteContext<P>) => Promise<Response>,
  options: { role: Role; requireActivePlan?: boolean },
) {
  return async (req: NextRequest, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = await route.params;
      const user = await getSessionUser();
      if (!user) throw unauthenticated();
      const ctx = await requireMembership(user.id, params.orgId, options.role);
      if (options.requireActivePlan) assertPlanActive(ctx);
      return await handler(req, { ...ctx, user, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
