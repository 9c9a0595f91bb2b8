import { z } from "zod";

/**
 * What the session JWT carries: who, which generation of their sessions, this session's id and when
 * it began (seconds since the epoch).
 */
export interface SessionClaims {
  userId: string;
  sessionVersion: number;
  sessionId: string;
  authTime: number;
}

const claimsSchema = z.object({
  userId: z.string().min(1).max(64),
  sessionVersion: z.number().int().nonnegative(),
  sessionId: z.string().min(16).max(64),
  authTime: z.number().int().positive(),
});

/** Reads the claims the session callback put on the session; null for anything else (older cookies too). */
export function sessionClaims(session: unknown): SessionClaims | null {
  const parsed = claimsSchema.safeParse(session);
  return parsed.success ? parsed.data : null;
}
