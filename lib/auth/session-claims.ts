import { z } from "zod";

/** What the session JWT carries about the user: who, and which generation of their sessions. */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

const claimsSchema = z.object({
  userId: z.string().min(1).max(64),
  sessionVersion: z.number().int().nonnegative(),
});

/** Reads the claims the session callback put on the session; null for anything else. */
export function sessionClaims(session: unknown): SessionClaims | null {
  const parsed = claimsSchema.safeParse(session);
  return parsed.success ? parsed.data : null;
}
