import { describe, expect, it } from "vitest";
import { secureCookiesEnabled } from "@/lib/auth/secure-cookies";

describe("secure session cookies", () => {
  it("are on in production", () => {
    expect(secureCookiesEnabled({ NODE_ENV: "production" })).toBe(true);
    expect(secureCookiesEnabled({ NODE_ENV: "production", APP_URL: "https://portwatch.example.test" })).toBe(true);
    // Plain http on a public name in production is a misconfiguration: stay secure (sign-in fails visibly).
    expect(secureCookiesEnabled({ NODE_ENV: "production", APP_URL: "http://portwatch.example.test" })).toBe(true);
  });

  it("are off for a production build served over http on loopback, and in development", () => {
    expect(secureCookiesEnabled({ NODE_ENV: "production", APP_URL: "http://127.0.0.1:3100" })).toBe(false);
    expect(secureCookiesEnabled({ NODE_ENV: "production", APP_URL: "http://localhost:3000" })).toBe(false);
    expect(secureCookiesEnabled({ NODE_ENV: "development" })).toBe(false);
    expect(secureCookiesEnabled({ NODE_ENV: "test" })).toBe(false);
  });
});
