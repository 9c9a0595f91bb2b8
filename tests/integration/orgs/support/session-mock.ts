import { vi } from "vitest";
import { getSessionUser } from "@/lib/auth/session";
import { sessionUserOf } from "./fixtures";

/**
 * Chooses the signed-in user for code that calls getSessionUser. The test file must declare
 * `vi.mock("@/lib/auth/session", () => ({ getSessionUser: vi.fn() }))` (hoisted by Vitest).
 */
export function signInAs(user: { id: string } | null): void {
  vi.mocked(getSessionUser).mockImplementation(async () => (user ? sessionUserOf(user.id) : null));
}
