import { describe, expect, it } from "vitest";
import { recognise } from "@/lib/scanner/detect/recognisers";
import { isPlainHttpOnTlsPort } from "@/lib/scanner/detect/protocols/http";
import { SAMPLES } from "./detect-samples";

describe("protocol recognisers on captured-style replies", () => {
  it.each(SAMPLES.map((sample) => [sample.name, sample] as const))("%s", (_name, sample) => {
    expect(recognise(sample.reply)).toEqual(sample.expected);
  });

  it("recognises nothing in an empty reply or plain prose", () => {
    expect(recognise(Buffer.alloc(0))).toBeNull();
    expect(recognise(Buffer.from("Welcome to my little server\r\n"))).toBeNull();
    expect(recognise(Buffer.from("220 Welcome\r\n"))).toBeNull(); // neither SMTP nor FTP by its words: EHLO decides
  });

  it("does not take an FTP greeting that mentions mail for SMTP", () => {
    expect(recognise(Buffer.from("220 mail.example.test FTP server ready\r\n"))?.protocol).toBe("ftp");
  });

  it("spots nginx's plain-HTTP-on-TLS-port error so the TLS probe runs next", () => {
    const reply = Buffer.from(
      "HTTP/1.1 400 Bad Request\r\nServer: nginx\r\n\r\n<html><center>The plain HTTP request was sent to HTTPS port</center></html>",
    );
    expect(recognise(reply)).toEqual({
      protocol: "http",
      product: "nginx",
      version: null,
      facts: { redirectsToHttps: false },
    });
    expect(isPlainHttpOnTlsPort(reply)).toBe(true);
  });

  it("only accepts MongoDB replies to our own request IDs", () => {
    const hello = SAMPLES.find((s) => s.name === "MongoDB hello")!.reply;
    const foreign = Buffer.from(hello);
    foreign.writeInt32LE(12345, 8); // responseTo
    expect(recognise(foreign)).toBeNull();
  });

  it("only accepts DNS replies to our query ID", () => {
    const reply = Buffer.from(SAMPLES.find((s) => s.name.startsWith("BIND version.bind"))!.reply);
    reply.writeUInt16BE(0x1234, 2);
    expect(recognise(reply)).toBeNull();
  });
});
