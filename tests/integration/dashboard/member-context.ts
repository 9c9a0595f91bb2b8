import { requireMembership } from "@/lib/authz/membership";
import type { Capability } from "@/lib/authz/capabilities";
import { db } from "@/lib/db/client";

let counter = 0;

/** A new viewer of the organisation and their checked context for `capability`. */
export async function viewerContext<C extends Capability>(organizationId: string, capability: C) {
  counter += 1;
  const user = await db.user.create({
    data: { email: `viewer-${counter}-${Date.now()}@example.test`, passwordHash: "x", emailVerifiedAt: new Date() },
  });
  await db.membership.create({ data: { organizationId, userId: user.id, role: "VIEWER" } });
  return requireMembership(user.id, organizationId, capability);
}
