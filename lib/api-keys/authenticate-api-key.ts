import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ApiKeyScope } from "@/lib/generated/prisma/enums";
import { hashApiKey, isApiKeyShaped } from "./key-format";

export interface AuthenticatedApiKey {
  id: string;
  organizationId: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  /** The member the key acts for; null once that account is deleted (the key no longer works). */
  createdById: string | null;
}

/** A key that exists but may not be used: the caller still learns which organisation's log to write. */
export class RefusedApiKeyError extends AppError {
  constructor(
    readonly key: AuthenticatedApiKey,
    message: string,
  ) {
    super("unauthenticated", message);
  }
}

const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * The key behind `Authorization: Bearer pw_…`. Missing, malformed or unknown → 401 (AppError);
 * revoked, expired or whose member is gone → 401 (RefusedApiKeyError, carrying the key). Marks the key
 * used, at most once a minute.
 */
export async function authenticateApiKey(
  authorization: string | null,
  now: Date = new Date(),
): Promise<AuthenticatedApiKey> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) {
    throw new AppError(
      "unauthenticated",
      "Send an API key in the Authorization header: “Authorization: Bearer pw_…”. Create one under Settings → API keys.",
    );
  }
  const token = match[1]!;
  const unknown = new AppError("unauthenticated", "This API key is not valid. Check that it was copied whole.");
  if (!isApiKeyShaped(token)) throw unknown;
  const row = await db.apiKey.findUnique({
    where: { keyHash: hashApiKey(token) },
    select: {
      id: true,
      organizationId: true,
      name: true,
      prefix: true,
      scope: true,
      createdById: true,
      expiresAt: true,
      revokedAt: true,
      lastUsedAt: true,
    },
  });
  if (!row) throw unknown;
  const { expiresAt, revokedAt, lastUsedAt, ...key } = row;
  if (revokedAt)
    throw new RefusedApiKeyError(key, "This API key was revoked. Create a new one under Settings → API keys.");
  if (expiresAt && expiresAt.getTime() <= now.getTime())
    throw new RefusedApiKeyError(key, "This API key has expired. Create a new one under Settings → API keys.");
  if (!key.createdById)
    throw new RefusedApiKeyError(key, "The account that created this API key was deleted, so the key no longer works.");
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= LAST_USED_GRANULARITY_MS) {
    await db.apiKey.updateMany({
      where: {
        id: key.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } }],
      },
      data: { lastUsedAt: now },
    });
  }
  return key;
}
