import { afterEach, describe, expect, it } from "vitest";
import { positiveIntEnv } from "@/lib/env/positive-int-env";

const NAME = "PORTWATCH_TEST_POSITIVE_INT";

afterEach(() => {
  delete process.env[NAME];
});

describe("positiveIntEnv", () => {
  it("uses the fallback when the variable is unset or blank, else its value", () => {
    expect(positiveIntEnv(NAME, 7)).toBe(7);
    process.env[NAME] = "  ";
    expect(positiveIntEnv(NAME, 7)).toBe(7);
    process.env[NAME] = "12";
    expect(positiveIntEnv(NAME, 7)).toBe(12);
  });

  it.each(["0", "-3", "2.5", "ten"])("rejects %s, naming the variable", (text) => {
    process.env[NAME] = text;
    expect(() => positiveIntEnv(NAME, 7)).toThrow(`${NAME} must be a positive integer, got "${text}"`);
  });
});
