import type { Capability } from "@/lib/authz/capabilities";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";

/**
 * What each key scope may do, as capabilities (lib/authz/capabilities.ts). A key never holds more than
 * the member who created it: the membership check runs with the same capability on every call.
 */
export const API_KEY_SCOPE_CAPABILITIES = {
  READ: ["assets:read", "findings:read"],
  READ_WRITE: ["assets:read", "findings:read", "assets:write", "scans:start"],
} as const satisfies Record<ApiKeyScope, readonly Capability[]>;

/** The capabilities an API route may ask of a key. */
export type ApiCapability = (typeof API_KEY_SCOPE_CAPABILITIES)["READ_WRITE"][number];

export function scopeAllows(scope: ApiKeyScope, capability: ApiCapability): boolean {
  return (API_KEY_SCOPE_CAPABILITIES[scope] as readonly string[]).includes(capability);
}
