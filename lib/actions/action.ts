import { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError, toPublicError, unauthenticated } from "@/lib/errors";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { requireMembership, type OrgContext } from "@/lib/authz/require-membership";
import { assertPlanActive } from "@/lib/authz/plan";
import { parseInput } from "./parse-input";
import type { ActionResult } from "./result";

type Outcome<T> = { success: string; data?: T };

async function run<T>(body: () => Promise<Outcome<T>>): Promise<ActionResult<T>> {
  try {
    return await body();
  } catch (error) {
    // Next.js control flow (redirect(), notFound()) must propagate.
    if (isNextControlFlow(error)) throw error;
    const e = toPublicError(error);
    return { error: e.message, code: e.code, fieldErrors: e.fieldErrors };
  }
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND");
}

/** For forms anyone may post (sign up, sign in, password reset): validation and safe errors only. */
export function publicAction<S extends z.ZodType, T = undefined>(schema: S, handler: (input: z.infer<S>) => Promise<Outcome<T>>) {
  return async (_prev: ActionResult<T> | undefined, raw: FormData | z.input<S>): Promise<ActionResult<T>> =>
    run(async () => handler(parseInput(schema, raw)));
}

/** For a signed-in user acting on their own account (create or switch organisation, accept an invite). */
export function userAction<S extends z.ZodType, T = undefined>(
  schema: S,
  handler: (input: z.infer<S>, user: SessionUser) => Promise<Outcome<T>>,
) {
  return async (_prev: ActionResult<T> | undefined, raw: FormData | z.input<S>): Promise<ActionResult<T>> =>
    run(async () => {
      const input = parseInput(schema, raw);
      const user = await getSessionUser();
      if (!user) throw unauthenticated();
      return handler(input, user);
    });
}

const orgIdField = z.object({ organizationId: z.string().min(1).max(64).optional() });

/**
 * For everything done inside an organisation: validates the input, loads the session, then the caller's
 * membership with at least `role` (checked in the query), optionally that the plan or trial is active.
 * The organisation is `organizationId` from the input, else the user's active organisation.
 */
export function orgAction<S extends z.ZodObject, T = undefined>(
  options: { schema: S; role: Role; requireActivePlan?: boolean },
  handler: (input: z.infer<S>, ctx: OrgContext & { user: SessionUser }) => Promise<Outcome<T>>,
) {
  const schema = options.schema.extend(orgIdField.shape);
  return async (_prev: ActionResult<T> | undefined, raw: FormData | z.input<S>): Promise<ActionResult<T>> =>
    run(async () => {
      const input = parseInput(schema, raw) as z.infer<S> & { organizationId?: string };
      const user = await getSessionUser();
      if (!user) throw unauthenticated();
      const organizationId = input.organizationId ?? user.activeOrganizationId;
      if (!organizationId) throw new AppError("not_found", "Choose an organisation first.");
      const ctx = await requireMembership(user.id, organizationId, options.role);
      if (options.requireActivePlan) assertPlanActive(ctx);
      return handler(input, { ...ctx, user });
    });
}
