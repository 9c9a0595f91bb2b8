import type { Prisma } from "@/lib/db/client";
import type { UserTokenPurpose } from "@/lib/generated/prisma/enums";
import { generateToken, hashToken } from "./tokens";

type Tx = Pick<Prisma.TransactionClient, "userToken">;

/** Stores the hash of a fresh token and returns the raw token, to be put in a link and nowhere else. */
export async function createUserToken(
  tx: Tx,
  input: { userId: string; purpose: UserTokenPurpose; ttlMs: number; now?: Date },
): Promise<string> {
  const token = generateToken();
  const now = input.now ?? new Date();
  await tx.userToken.create({
    data: {
      userId: input.userId,
      purpose: input.purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + input.ttlMs),
      createdAt: now,
    },
  });
  return token;
}
