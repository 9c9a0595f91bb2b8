import { execFile, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startScratchDatabase, type EmbeddedDatabase } from "@/lib/db/embedded/server";

/**
 * The embedded database behind its PostgreSQL socket behaves like one PostgreSQL server to many
 * clients: concurrent extended-protocol queries never mix their statements, a transaction sees no
 * other client's statements, and psql connects with its default settings.
 */
let embedded: EmbeddedDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  embedded = await startScratchDatabase();
  pool = new pg.Pool({ connectionString: embedded.url, max: 10 });
  await pool.query("CREATE TABLE t (id serial PRIMARY KEY, v int)");
});

afterAll(async () => {
  await pool.end();
  await embedded.stop();
});

describe("embedded database socket", () => {
  it("answers concurrent parameterised queries of different shapes, each with its own parameters", async () => {
    // Large parameters arrive in several TCP chunks: without the session gate another client's Parse
    // lands between this one's Parse and Bind ("bind message supplies 6 parameters, but … requires 5").
    const big = "x".repeat(100_000);
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, async (_, i) => {
        const params: unknown[] = [i, ...Array.from({ length: i % 7 }, (_, k) => (i % 3 === 0 ? big : `p${k}`))];
        const sql = `SELECT $1::int AS x${params
          .slice(1)
          .map((_, k) => `, length($${k + 2}::text) AS l${k}`)
          .join("")}`;
        const row = (await pool.query(sql, params)).rows[0] as Record<string, number>;
        return row.x === i && params.slice(1).every((p, k) => row[`l${k}`] === (p as string).length);
      }),
    );
    expect(
      results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    expect(results.every((r) => r.status === "fulfilled" && r.value)).toBe(true);
  }, 120_000);

  it("keeps a transaction to its client: another client's write waits and survives the rollback", async () => {
    const a = await pool.connect();
    const b = await pool.connect();
    try {
      await a.query("BEGIN");
      await a.query("INSERT INTO t (v) VALUES (1)");
      let bDone = false;
      const bWrite = b.query("INSERT INTO t (v) VALUES (2)").then(() => (bDone = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(bDone).toBe(false);
      await a.query("ROLLBACK");
      await bWrite;
      expect((await pool.query("SELECT v FROM t ORDER BY id")).rows).toEqual([{ v: 2 }]);
    } finally {
      a.release();
      b.release();
    }
  });

  const psql = spawnSync("psql", ["--version"]).status === 0;
  it.skipIf(!psql)("lets psql connect with its default settings (it asks for TLS first)", async () => {
    // Asynchronously: the database is served by this very process.
    const out = await promisify(execFile)("psql", [embedded.url, "-Atc", "SELECT count(*) FROM t"], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(out.stderr).toBe("");
    expect(out.stdout.trim()).toBe("1");
  });
});
