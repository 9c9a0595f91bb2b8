import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { OPENAPI_DOCUMENT } from "@/lib/api/v1/openapi";
import { GET as openApiRoute } from "@/app/api/v1/openapi.json/route";
import * as unknownPath from "@/app/api/v1/[...path]/route";

const V1 = path.join(process.cwd(), "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * Every route file under app/api/v1, as the OpenAPI path it serves ([assetId] → {assetId}); the
 * catch-all that answers unknown paths with a JSON 404 is no operation and is checked on its own.
 */
function routeFiles(dir = V1): { file: string; path: string }[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts" || full.includes("[...")) return [];
    const rel = path.relative(V1, path.dirname(full)).split(path.sep).join("/");
    return [{ file: full, path: `/${rel.replace(/\[([^\]]+)\]/g, "{$1}")}` }];
  });
}

describe("the OpenAPI document of /api/v1", () => {
  it("documents every route file and each method it exports, and nothing else", async () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThanOrEqual(9);
    const documented = OPENAPI_DOCUMENT.paths as Record<string, Record<string, unknown>>;
    const served: string[] = [];
    for (const { file, path: p } of files) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) if (typeof mod[method] === "function") served.push(`${method} ${p}`);
    }
    const inDocument = Object.entries(documented).flatMap(([p, item]) =>
      Object.keys(item)
        .filter((k) => (METHODS as readonly string[]).includes(k.toUpperCase()))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(inDocument.sort()).toEqual(served.sort());
  });

  it("answers unknown paths under /api/v1 with a JSON 404 in the API's error shape", async () => {
    for (const method of METHODS) {
      const res = unknownPath[method]();
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: "not_found", message: "There is no API endpoint at this path. The reference is at /docs/api." },
      });
    }
  });

  it("is served publicly as valid OpenAPI 3.1 whose schemas compile", async () => {
    const res = openApiRoute();
    expect(res.status).toBe(200);
    const doc = (await res.json()) as typeof OPENAPI_DOCUMENT;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components?.securitySchemes?.apiKey).toMatchObject({ type: "http", scheme: "bearer" });
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      expect(() => ajv.compile({ ...(schema as object), components: doc.components }), name).not.toThrow();
    }
    // Every operation has a curl example.
    for (const item of Object.values(doc.paths ?? {}))
      for (const op of Object.values(item as Record<string, { "x-codeSamples"?: { source: string }[] }>))
        expect(op["x-codeSamples"]?.[0]?.source).toMatch(/^curl /);
  });
});
