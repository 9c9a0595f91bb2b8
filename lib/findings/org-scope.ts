import type { OrgContext } from "@/lib/authz/org-context";

/** Findings queries act for a member who may read findings (lib/authz/capabilities.ts). */
export type FindingsContext = OrgContext<"findings:read">;
