import { describe, expect, it } from "vitest";
import { z } from "zod";
import { addAssetSchema, labelAssetSchema } from "@/lib/validation/asset";

describe("asset schemas", () => {
  it("turn form input into a normalised target and an optional label", () => {
    expect(addAssetSchema.parse({ value: " Example.TEST. ", label: "  Web  " })).toEqual({
      value: { kind: "DOMAIN", value: "example.test" },
      label: "Web",
    });
    expect(addAssetSchema.parse({ value: "192.0.2.1", label: "" })).toEqual({
      value: { kind: "IP", value: "192.0.2.1" },
      label: null,
    });
    expect(addAssetSchema.parse({ value: "192.0.2.1" })).toEqual({ value: { kind: "IP", value: "192.0.2.1" } });
  });

  it("report each problem on its field", () => {
    const result = addAssetSchema.safeParse({ value: "*.example.test", label: "x".repeat(101) });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error!).fieldErrors).toEqual({
      value: ["Enter the domain name without a wildcard, like example.com."],
      label: ["A label can be at most 100 characters."],
    });
    expect(labelAssetSchema.safeParse({ assetId: "a1", label: "tab\there" }).error?.issues[0]?.message).toBe(
      "A label cannot contain control characters or line breaks.",
    );
    expect(addAssetSchema.safeParse({ value: 42 }).error?.issues[0]?.message).toBe(
      "Enter a domain name, like example.com, or an IP address.",
    );
  });

  it("can be published as JSON Schema for the REST API (request side)", () => {
    const schema = z.toJSONSchema(addAssetSchema, { io: "input" }) as {
      properties: Record<string, { type?: string; description?: string }>;
      required: string[];
    };
    expect(schema.properties.value).toMatchObject({
      type: "string",
      description: expect.stringMatching(/domain name/),
    });
    expect(schema.properties.label).toMatchObject({ type: "string", maxLength: 100 });
    expect(schema.required).toEqual(["value"]);
  });
});
