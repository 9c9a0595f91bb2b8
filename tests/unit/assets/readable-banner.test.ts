import { describe, expect, it } from "vitest";
import { readableBanner } from "@/lib/asset-page/readable-banner";

describe("banners shown as readable text", () => {
  it("keeps line breaks and shows control bytes as \\x escapes", () => {
    expect(readableBanner("SSH-2.0-OpenSSH_9.6\r\n")).toBe("SSH-2.0-OpenSSH_9.6\n");
    expect(readableBanner("\u0000\u0001J\u0000\u0000\u00005.7.44\u0000")).toBe("\\x00\\x01J\\x00\\x00\\x005.7.44\\x00");
    expect(readableBanner("a\tb\u001b[31m")).toBe("a\tb\\x1b[31m");
  });

  it("leaves markup as text (React escapes it) and says when it cuts a long banner", () => {
    expect(readableBanner("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
    expect(readableBanner("x".repeat(10), 4)).toBe("xxxx\n… (6 more characters not shown)");
  });
});
