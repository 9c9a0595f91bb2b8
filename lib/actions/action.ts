import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { toPublicError, unauthenticated } from "@/lib/errors";
import { getSessionUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { authorize, type AuthorizeOptions, type AuthorizedContext } from "@/lib/authz/authorize";
import type { Capability } from "@/lib/authz/capabilities";
import { parseInput } from "./parse-input";
import type { ActionResult } from "./result";

type Outcome<T> = { success: string; data?: T };

async function run<T>(body: () => Promise<Outcome<T>>): Promise<ActionResult<T>> {
  try {
    return await body();
  } catch (error) {
    // Next.js control flow (redirect(), notFound(), dynamic rendering bail-outs) must propagate.
    unstable_rethrow(error);
    const e = toPublicError(error);
    return { error: e.message, code: e.code, fieldErrors: e.fieldErrors };
  }
}

/** For forms anyone may post (sign up, sign in, password reset): validation and safe errors only. */
export function publicAction<S extends z.ZodType, T = undefined>(
  schema: S,
  handler: (input: z.infer<S>) => Promise<Outcome<T>>,
) {
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
 * For everything done inside an organisation: validates the input, then `authorize` (session, the
 * caller's membership with a role holding `capability`, optionally an active plan or trial). The
 * organisation is `organizationId` from the input, else the user's active organisation.
 */
export function orgAction<S extends z.ZodObject, C extends Capability, T = undefined>(
  options: AuthorizeOptions<C> & { schema: S },
  handler: (input: z.infer<S>, ctx: AuthorizedContext<C>) => Promise<Outcome<T>>,
) {
  const schema = options.schema.extend(orgIdField.shape);
  return async (_prev: ActionResult<T> | undefined, raw: FormData | z.input<S>): Promise<ActionResult<T>> =>
    run(async () => {
      const input = parseInput(schema, raw) as z.infer<S> & { organizationId?: string };
      const ctx = await authorize((user) => input.organizationId ?? user.activeOrganizationId, options);
      return handler(input, ctx);
    });
}
