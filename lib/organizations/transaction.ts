import { db, type Prisma } from "@/lib/db/client";

export type Tx = Prisma.TransactionClient;

/**
 * Runs `body` in a transaction holding a row lock on the organisation, so membership changes of one
 * organisation happen one after another: two owners demoting each other at the same moment cannot
 * leave it without an owner.
 */
export function withOrganizationLock<T>(organizationId: string, body: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${organizationId} FOR UPDATE`;
    return body(tx);
  });
}
