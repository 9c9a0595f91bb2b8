import { describe, expect, it } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { diffMigrationsToSchema } from "@/lib/db/migrations";
import { db } from "@/lib/db/client";

describe("committed migrations", () => {
  it("produce exactly prisma/schema.prisma (empty diff)", async () => {
    // The engine replays prisma/migrations into a scratch PostgreSQL (PGlite) and compares the result
    // with the schema. The same SQL runs on every PostgreSQL; that it applies on the server under test
    // is proven by this file's own database, built from the same migrations. (Diffing through
    // @prisma/adapter-pg fails: it cannot decode the `"char"` catalog columns the engine introspects.)
    const scratch = new PrismaPGlite(new PGlite()) as unknown as SqlMigrationAwareDriverAdapterFactory;
    const sql = await diffMigrationsToSchema(scratch);
    expect(sql).toBe("");
    // Replaying every migration in WebAssembly PostgreSQL takes seconds alone and over a minute on a busy machine.
  }, 300_000);

  it("give each test file a working, empty database", async () => {
    expect(await db.user.count()).toBe(0);
    const user = await db.user.create({ data: { email: "first@example.test", passwordHash: "x" } });
    expect(user.sessionVersion).toBe(0);
  });
});
