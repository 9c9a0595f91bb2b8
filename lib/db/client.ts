import { PrismaClient } from "@/lib/generated/prisma/client";
import { adapterFactory } from "./adapter";
import { databaseUrl } from "./url";

/**
 * The one Prisma Client of the process, created on first use (importing this module opens nothing:
 * Next.js loads server modules in helper processes too). Kept on globalThis so dev hot reloads reuse
 * it instead of opening a new pool on every edit.
 */
const globalForPrisma = globalThis as unknown as { __portwatchPrisma?: PrismaClient };

function client(): PrismaClient {
  return (globalForPrisma.__portwatchPrisma ??= new PrismaClient({ adapter: adapterFactory(databaseUrl()) }));
}

export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const real = client();
    const value = Reflect.get(real, prop, real) as unknown;
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(real) : value;
  },
  has: (_target, prop) => Reflect.has(client(), prop),
});

export type Db = PrismaClient;
export type { Prisma } from "@/lib/generated/prisma/client";
