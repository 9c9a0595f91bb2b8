import type { ActionResult, ActionState } from "@/lib/actions/result";

export type MemberAction = (prev: ActionState, input: FormData) => Promise<ActionResult>;
export type RoleName = "OWNER" | "ADMIN" | "VIEWER";

export const ROLE_LABELS: Record<RoleName, string> = { OWNER: "Owner", ADMIN: "Admin", VIEWER: "Viewer" };
