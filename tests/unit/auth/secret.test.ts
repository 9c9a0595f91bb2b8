import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { AuthSecretError, authSecret, persistedSecret } from "@/lib/auth/secret";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "pw-secret-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("AUTH_SECRET", () => {
  it("uses the environment's secret when set", () => {
    const s = "s".repeat(40);
    expect(authSecret({ AUTH_SECRET: s, NODE_ENV: "production" })).toBe(s);
  });

  it("is required in production, with a message saying how to make one", () => {
    expect(() => authSecret({ NODE_ENV: "production" })).toThrow(AuthSecretError);
    expect(() => authSecret({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET is not set.*openssl rand/);
  });

  it("refuses a short secret", () => {
    expect(() => authSecret({ AUTH_SECRET: "short", NODE_ENV: "development" })).toThrow(/at least 32/);
  });

  it("in development is generated once, kept owner-only, and the same after a restart", () => {
    const file = path.join(tmp(), "nested", "auth-secret");
    const first = persistedSecret(file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(persistedSecret(file)).toBe(first);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["auth-secret"]);
  });

  it("replaces an empty or truncated secret file", () => {
    const file = path.join(tmp(), "auth-secret");
    fs.writeFileSync(file, "x\n");
    const s = persistedSecret(file);
    expect(s.length).toBeGreaterThanOrEqual(32);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(s);
    fs.writeFileSync(file, "");
    expect(persistedSecret(file)).not.toBe(s);
  });
});
