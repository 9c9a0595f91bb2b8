import { describe, expect, it } from "vitest";
import { publicDocHref, renderPublicDoc } from "@/lib/public-docs/render-public-doc";
import { cadenceText } from "@/components/landing/plan-table";

describe("the published docs", () => {
  it("link published documents to their pages and leave other links alone", () => {
    expect(publicDocHref("typical-services.md")).toBe("/docs/typical-services");
    expect(publicDocHref("grading.md#3-points")).toBe("/docs/grading#3-points");
    expect(publicDocHref("architecture.md")).toBe("architecture.md");
    expect(publicDocHref("https://www.iana.org/")).toBe("https://www.iana.org/");
  });

  it("render docs/grading.md with its headings anchored and its tables scrollable", () => {
    const html = renderPublicDoc("grading");
    expect(html).toContain('<h1 id="how-portwatch-grades-open-ports">How Portwatch grades open ports</h1>');
    expect(html).toContain('<div class="doc-table" tabindex="0"><table>');
    expect(html).toContain('href="/docs/typical-services"');
  });
});

describe("the plan table", () => {
  it("says how often monitoring rescans", () => {
    expect(cadenceText(60 * 60 * 1000)).toBe("Hourly");
    expect(cadenceText(6 * 60 * 60 * 1000)).toBe("Every 6 hours");
    expect(cadenceText(24 * 60 * 60 * 1000)).toBe("Daily");
    expect(cadenceText(7 * 24 * 60 * 60 * 1000)).toBe("Every 7 days");
  });
});
