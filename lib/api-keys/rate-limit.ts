import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { db } from "@/lib/db/client";
import { positiveIntEnv } from "@/lib/env/positive-int-env";

/**
 * Per-key request limit of the REST API: API_RATE_LIMIT requests (default 120) per
 * API_RATE_LIMIT_WINDOW_SECONDS (default 60) for each key. Counted in PostgreSQL (the ApiRateLimit
 * table, rate-limiter-flexible's Prisma store), so it holds across every process serving the app.
 */
export interface RateLimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
  windowSeconds: number;
  limited: boolean;
}

interface Limiter {
  limiter: RateLimiterPrisma;
  limit: number;
  windowSeconds: number;
}

let current: (Limiter & { signature: string }) | undefined;

/** Built on first use and rebuilt when the environment changes (tests lower the limit). */
function limiter(): Limiter {
  const limit = positiveIntEnv("API_RATE_LIMIT", 120);
  const windowSeconds = positiveIntEnv("API_RATE_LIMIT_WINDOW_SECONDS", 60);
  const signature = `${limit}/${windowSeconds}`;
  if (current?.signature !== signature) {
    current = {
      signature,
      limit,
      windowSeconds,
      limiter: new RateLimiterPrisma({
        storeClient: db,
        tableName: "apiRateLimit",
        keyPrefix: "api-key",
        points: limit,
        duration: windowSeconds,
      }),
    };
  }
  return current;
}

/** Counts one request of `apiKeyId`; `limited` when the key has used up its window. */
export async function consumeApiRequest(apiKeyId: string): Promise<RateLimitState> {
  const { limiter: l, limit, windowSeconds } = limiter();
  const state = (res: RateLimiterRes, limited: boolean): RateLimitState => ({
    limit,
    windowSeconds,
    limited,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
  });
  try {
    return state(await l.consume(apiKeyId, 1), false);
  } catch (rejection) {
    // The library rejects with the counter when the limit is reached, with an Error when the store fails.
    if (rejection instanceof RateLimiterRes) return state(rejection, true);
    throw rejection;
  }
}
