import { describe, expect, it } from "vitest";
import { webhookEndpointSchema } from "@/lib/validation/webhook";

const parse = (fields: Record<string, unknown>) =>
  webhookEndpointSchema.safeParse({ url: "https://hooks.example.com/in", eventTypes: "scan.completed", ...fields });
const messages = (fields: Record<string, unknown>) => {
  const result = parse(fields);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("webhook endpoint input", () => {
  it("normalises the URL (no fragment), splits the form's event list and defaults to Standard Webhooks", () => {
    expect(
      parse({
        url: "  HTTPS://Hooks.Example.com:8443/in?x=1#part ",
        eventTypes: "scan.completed, grade.changed,scan.completed",
      }),
    ).toMatchObject({
      success: true,
      data: {
        url: "https://hooks.example.com:8443/in?x=1",
        eventTypes: ["scan.completed", "grade.changed"],
        format: "STANDARD",
      },
    });
    expect(parse({ eventTypes: ["exposure.changed", "alert.created"], format: "SLACK" })).toMatchObject({
      success: true,
      data: { eventTypes: ["exposure.changed", "alert.created"], format: "SLACK" },
    });
  });

  it("names the field and the fix for each bad input", () => {
    expect(messages({ url: "" })).toEqual(["url: Enter the receiver's URL, like https://hooks.example.com/portwatch."]);
    expect(messages({ url: "hooks.example.com/in" })).toEqual([
      "url: Enter the receiver's URL, like https://hooks.example.com/portwatch.",
    ]);
    expect(messages({ url: "file:///etc/passwd" })).toEqual(["url: A webhook URL starts with https://."]);
    expect(messages({ url: "https://a:b@hooks.example.com/" })[0]).toContain("user name and password");
    expect(messages({ url: `https://hooks.example.com/${"a".repeat(2000)}` })).toEqual([
      "url: A URL can be at most 2000 characters.",
    ]);
    expect(messages({ eventTypes: "" })).toEqual(["eventTypes: Choose at least one event to send."]);
    expect(messages({ eventTypes: "scan.completed,port.scanned" })).toEqual([
      "eventTypes.1: Choose a known event type.",
    ]);
    expect(messages({ description: "line\nbreak" })).toEqual([
      "description: A description cannot contain control characters or line breaks.",
    ]);
    expect(messages({ format: "XML" })).toEqual(["format: Choose Standard Webhooks or Slack."]);
  });
});
