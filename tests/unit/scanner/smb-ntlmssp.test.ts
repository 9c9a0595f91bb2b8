/**
 * What an SMB server discloses before login: its NTLM challenge (operating system, names), read from
 * a real Samba answer and from a Windows-shaped one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  SESSION_SETUP,
  ntlmFacts,
  operatingSystemOf,
  parseNtlmChallenge,
} from "@/lib/scanner/detect/protocols/smb-ntlmssp";

/** Samba 4.17's SESSION_SETUP answer (STATUS_MORE_PROCESSING_REQUIRED) to SESSION_SETUP, as captured. */
const SAMBA_REPLY = Buffer.from(
  "0000010bfe534d4240000000160000c001000100010000000000000001000000000000000000000000000000c014391b" +
    "0000000000000000000000000000000000000000090000004800c300a181c03081bda0030a0101a10c060a2b0601040182" +
    "3702020aa281a70481a44e544c4d5353500002000000180018003800000005828ae2e307ba242fbf7c4c0000000000000000" +
    "5400540050000000060100000000000f50004f00520054005700410054004300480053004d0042000200180050004f0052" +
    "0054005700410054004300480053004d0042000100180050004f00520054005700410054004300480053004d0042000400" +
    "00000300040076006d00070008000e213d57337fdd0100000000",
  "hex",
);

const avPair = (id: number, text: string) => {
  const value = Buffer.from(text, "utf16le");
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(value.length, 2);
  return Buffer.concat([head, value]);
};

/** A CHALLENGE_MESSAGE as Windows Server 2022 sends it (NT 10.0 build 20348). */
function windowsChallenge(build = 20348): Buffer {
  const info = Buffer.concat([
    avPair(2, "CORP"),
    avPair(1, "FILESRV01"),
    avPair(4, "corp.example.test"),
    avPair(3, "filesrv01.corp.example.test"),
    Buffer.alloc(4),
  ]);
  const message = Buffer.alloc(56);
  message.write("NTLMSSP\0", 0, "latin1");
  message.writeUInt32LE(2, 8);
  message.writeUInt32LE(0xe2898215, 20);
  message.writeUInt16LE(info.length, 40);
  message.writeUInt16LE(info.length, 42);
  message.writeUInt32LE(56, 44);
  message.writeUInt8(10, 48);
  message.writeUInt8(0, 49);
  message.writeUInt16LE(build, 50);
  message.writeUInt8(15, 55);
  return Buffer.concat([Buffer.alloc(72), message, info]);
}

describe("SMB NTLM challenge", () => {
  it("reads Samba's names and claims no operating system from its build-less version", () => {
    const challenge = parseNtlmChallenge(SAMBA_REPLY);
    expect(challenge).toEqual({
      version: { major: 6, minor: 1, build: 0 },
      netbiosComputer: "PORTWATCHSMB",
      netbiosDomain: "PORTWATCHSMB",
      dnsComputer: "vm",
      dnsDomain: null,
    });
    expect(ntlmFacts(challenge!)).toEqual({ hostName: "vm", domainName: "PORTWATCHSMB" });
  });

  it("names the Windows release, the host and the domain a Windows server states", () => {
    expect(ntlmFacts(parseNtlmChallenge(windowsChallenge())!)).toEqual({
      operatingSystem: "Windows Server 2022 (NT 10.0 build 20348)",
      hostName: "filesrv01.corp.example.test",
      domainName: "corp.example.test",
    });
    expect(operatingSystemOf({ major: 6, minor: 1, build: 7601 })).toBe(
      "Windows Server 2008 R2 / Windows 7 (NT 6.1 build 7601)",
    );
    expect(operatingSystemOf({ major: 11, minor: 0, build: 30000 })).toBe("Windows NT 11.0 build 30000");
  });

  it("escapes hostile names and ignores what is not a challenge", () => {
    const hostile = windowsChallenge();
    const at = hostile.indexOf(Buffer.from("FILESRV01", "utf16le"));
    Buffer.from("\x1b[2J<b>", "utf16le").copy(hostile, at);
    expect(JSON.stringify(ntlmFacts(parseNtlmChallenge(hostile)!))).not.toMatch(/\x1b|\u0000/);
    expect(parseNtlmChallenge(Buffer.from("HTTP/1.1 200 OK\r\n\r\n"))).toBeNull();
    expect(parseNtlmChallenge(SESSION_SETUP)).toBeNull(); // our own NEGOTIATE_MESSAGE is type 1
  });

  it("never throws on any bytes", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
          fc
            .uint8Array({ maxLength: 200 })
            .map((b) => Buffer.concat([Buffer.from("NTLMSSP\0\x02\0\0\0", "latin1"), Buffer.from(b)])),
        ),
        (bytes) => void parseNtlmChallenge(bytes),
      ),
      { numRuns: 500 },
    );
  });
});
