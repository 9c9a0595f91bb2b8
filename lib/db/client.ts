import { PrismaClient } from "@/lib/generated/prisma/client";
import { adapterFactory } from "./adapter";

/**
 * The one Prisma Client of the process. Kept on globalThis so Next.js dev hot reloads reuse it
 * instead of opening a new pool (or a second PGlite on the same directory) on every edit.
 */
const globalForPrisma = globalThis as unknown as { __portwatchPrisma?: PrismaClient };

export const db: PrismaClient = (globalForPrisma.__portwatchPrisma ??= new PrismaClient({ adapter: adapterFactory() }));

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";
