import type { NextRequest } from "next/server";
import { notFound } from "@/lib/errors";
import { authorize, type AuthorizeOptions, type AuthorizedContext } from "@/lib/authz/authorize";
import type { Capability } from "@/lib/authz/capabilities";
import { errorResponse } from "./error-response";

/** The route's dynamic segments: always `orgId`, plus those the route lists in `params`. */
export type OrgRouteContext<C extends Capability, K extends string = never> = AuthorizedContext<C> & {
  params: Record<"orgId" | K, string>;
};

/**
 * The one wrapper for route handlers under /api/orgs/[orgId]/…: `authorize` (session, membership with
 * a role holding `capability`, checked in the query — another organisation's id is "not found";
 * optional active plan), and every error mapped to its HTTP status with a safe message.
 */
export function withOrg<C extends Capability, K extends string = never>(
  handler: (req: NextRequest, ctx: OrgRouteContext<C, K>) => Promise<Response>,
  options: AuthorizeOptions<C> & { params?: readonly K[] },
) {
  return async (
    req: NextRequest,
    route: { params: Promise<Record<string, string | string[] | undefined>> },
  ): Promise<Response> => {
    try {
      const raw = await route.params;
      const params = {} as Record<"orgId" | K, string>;
      for (const name of ["orgId", ...(options.params ?? [])] as ("orgId" | K)[]) {
        const value = raw[name];
        if (typeof value !== "string" || value === "") throw notFound();
        params[name] = value;
      }
      const ctx = await authorize(() => params.orgId, options);
      return await handler(req, Object.assign(ctx, { params }));
    } catch (error) {
      return errorResponse(error);
    }
  };
}
