import type { Role } from "@/lib/generated/prisma/enums";
import { forbidden } from "@/lib/errors";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Owners may invite with any role; admins only admins and viewers. */
export function assertMayGrantRole(actorRole: Role, role: Role): void {
  if (role === "OWNER" && actorRole !== "OWNER") throw forbidden("Only an owner can invite another owner.");
}
