import { describe, expect, it } from "vitest";
import { BANNER_CAP_BYTES, bannerFrom, escapeBytes, safeField } from "@/lib/scanner/banner";
import { recognise } from "@/lib/scanner/detect/recognisers";

describe("banner escaping", () => {
  it("keeps printable ASCII and names CR, LF, tab and backslash", () => {
    expect(escapeBytes(Buffer.from("SSH-2.0-x\r\n\ta\\b"))).toBe("SSH-2.0-x\\r\\n\\ta\\\\b");
  });

  it("escapes binary bytes as \\xNN", () => {
    expect(escapeBytes(Buffer.from([0x00, 0x7f, 0x80, 0xff, 0x41]))).toBe("\\x00\\x7f\\x80\\xff" + "A");
  });

  it("neutralises ANSI escape sequences", () => {
    const hostile = Buffer.from("220 \x1b[2J\x1b[31mpwned\x1b]0;title\x07\r\n", "latin1");
    const banner = bannerFrom(hostile)!;
    expect(banner).not.toContain("\x1b");
    expect(banner).toBe("220 \\x1b[2J\\x1b[31mpwned\\x1b]0;title\\x07\\r\\n");
  });

  it("escapes invalid UTF-8 and non-ASCII bytes one by one", () => {
    expect(bannerFrom(Buffer.from([0xc3, 0x28, 0xe2, 0x80, 0xae]))).toBe("\\xc3(\\xe2\\x80\\xae"); // incl. a bidi override
  });

  it("caps huge banners and marks the cut", () => {
    const huge = Buffer.alloc(1 << 20, 0x41);
    const banner = bannerFrom(huge)!;
    expect(banner).toBe("A".repeat(BANNER_CAP_BYTES) + "…");
  });

  it("caps escaped binary at four characters per byte", () => {
    const banner = bannerFrom(Buffer.alloc(1 << 20, 0x00))!;
    expect(banner.length).toBe(BANNER_CAP_BYTES * 4 + 1);
  });

  it("returns null for nothing", () => {
    expect(bannerFrom(Buffer.alloc(0))).toBeNull();
    expect(bannerFrom(null)).toBeNull();
  });

  it("escapes and caps extracted fields", () => {
    expect(safeField("nginx\x1b[0m", 80)).toBe("nginx\\x1b[0m");
    expect(safeField("x".repeat(500), 10)).toBe("x".repeat(10) + "…");
    expect(safeField("bücher.example.test", 80, "utf8")).toBe("b\\xc3\\xbccher.example.test");
  });
});

describe("hostile banners through the recognisers", () => {
  it("recognises SSH but escapes a terminal escape in its software version", () => {
    expect(recognise(Buffer.from("SSH-2.0-OpenSSH_9.2p1\x1b[2J\r\n", "latin1"))).toEqual({
      protocol: "ssh",
      product: "OpenSSH",
      version: "9.2p1\\x1b[2J",
    });
  });

  it("escapes a hostile Server header", () => {
    const reply = Buffer.from("HTTP/1.1 200 OK\r\nServer: \x1b[31mevil\x00/1.0\r\n\r\n", "latin1");
    expect(recognise(reply)).toEqual({
      protocol: "http",
      product: "\\x1b[31mevil\\x00/1.0",
      version: null,
      facts: { redirectsToHttps: false },
    });
  });

  it("caps an absurdly long product name", () => {
    const reply = Buffer.from(`HTTP/1.1 200 OK\r\nServer: ${"A".repeat(5000)}/1.0\r\n\r\n`);
    const result = recognise(reply)!;
    expect(result.product!.length).toBeLessThanOrEqual(81);
  });

  it("does not recognise a megabyte of binary garbage", () => {
    const garbage = Buffer.alloc(1 << 20);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) & 0xff;
    expect(recognise(garbage)).toBeNull();
  });
});
