import { cache } from "react";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/session";
import { listMyOrganizations, type MyOrganization } from "@/lib/authz/membership";

/**
 * The signed-in user, their organisations and the one they work in, once per request. The active
 * organisation falls back to their first one when the stored choice is gone (they left or were removed).
 */
export const getAppContext = cache(async () => {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const organizations = await listMyOrganizations(user.id);
  const active = organizations.find((o) => o.organizationId === user.activeOrganizationId) ?? organizations[0] ?? null;
  return { user, organizations, active };
});

/** For pages that need an organisation: without one, the user is sent to create one. */
export async function requireAppOrganization(): Promise<
  Awaited<ReturnType<typeof getAppContext>> & { active: MyOrganization }
> {
  const ctx = await getAppContext();
  if (!ctx.active) redirect("/organizations/new");
  return { ...ctx, active: ctx.active };
}
