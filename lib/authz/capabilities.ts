import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Every right a member can hold, and the roles that hold it: the one table that answers "who may do
 * this?". Library functions ask for a capability, never for a role; adding a role or moving a right is
 * a change here only. Pure data: client components may import it to show or hide controls.
 */
export const CAPABILITIES = {
  "assets:read": ["OWNER", "ADMIN", "VIEWER"],
  "assets:write": ["OWNER", "ADMIN"],
  "scans:start": ["OWNER", "ADMIN"],
  "findings:read": ["OWNER", "ADMIN", "VIEWER"],
  "reports:manage": ["OWNER", "ADMIN"],
  "webhooks:manage": ["OWNER", "ADMIN"],
  /** Security events: owners only (issue 10, item 12). */
  "audit:read": ["OWNER"],
  "members:read": ["OWNER", "ADMIN", "VIEWER"],
  /** Invite, withdraw invitations, switch members between admin and viewer. */
  "members:manage": ["OWNER", "ADMIN"],
  "members:remove": ["OWNER"],
  /** Make someone an owner, change an owner's role, invite or withdraw an owner's invitation. */
  "owners:manage": ["OWNER"],
  "organization:leave": ["OWNER", "ADMIN", "VIEWER"],
  "organization:manage": ["OWNER"],
  "billing:manage": ["OWNER"],
  "api-keys:manage": ["OWNER", "ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

/** Capabilities every member holds, whatever their role: any membership check grants them. */
export type MemberCapability = {
  [C in Capability]: Role extends (typeof CAPABILITIES)[C][number] ? C : never;
}[Capability];

/** The roles holding `capability`, for a Prisma `where` (`role: { in: … }`). */
export function rolesWith(capability: Capability): Role[] {
  return [...CAPABILITIES[capability]];
}

/** The lowest role holding `capability` (the table lists roles from highest to lowest), for messages. */
export function leastRoleWith(capability: Capability): Role {
  return CAPABILITIES[capability].at(-1)!;
}

export function roleCan(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}
