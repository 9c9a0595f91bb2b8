import { describe, expect, it } from "vitest";
import { adapterFactory } from "@/lib/db/adapter";
import { databaseTarget } from "@/lib/db/config";
import { diffMigrationsToSchema } from "@/lib/db/migrations";
import { db } from "@/lib/db/client";

describe("committed migrations", () => {
  it("produce exactly prisma/schema.prisma (empty diff)", async () => {
    // The engine replays prisma/migrations into a shadow database and compares with the schema.
    const sql = await diffMigrationsToSchema(adapterFactory(databaseTarget()));
    expect(sql).toBe("");
  });

  it("give each test file a working, empty database", async () => {
    expect(await db.user.count()).toBe(0);
    const user = await db.user.create({ data: { email: "first@example.test", passwordHash: "x" } });
    expect(user.sessionVersion).toBe(0);
  });
});
