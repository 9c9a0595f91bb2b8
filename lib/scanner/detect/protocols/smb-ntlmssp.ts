/**
 * What an SMB server discloses before anyone logs in: after NEGOTIATE, a SESSION_SETUP carrying an
 * NTLMSSP NEGOTIATE_MESSAGE (MS-SMB2 §2.2.5, MS-NLMP §2.2.1.1) is answered with a CHALLENGE_MESSAGE
 * (MS-NLMP §2.2.1.2) that states the server's Windows version and build and its NetBIOS and DNS names
 * (what nmap's smb-os-discovery reports). We hang up after the challenge: no credentials are sent, so
 * nothing is authenticated and no logon is attempted or logged.
 */
import { ByteReader, total } from "../byte-reader";
import { field } from "../text";
import type { ServiceFacts } from "../../observed-service";

const NTLMSSP_SIGNATURE = Buffer.from("NTLMSSP\0", "latin1");

// UNICODE | REQUEST_TARGET | NTLM | ALWAYS_SIGN | EXTENDED_SESSIONSECURITY | TARGET_INFO | VERSION | 128 | KEY_EXCH | 56
const NEGOTIATE_FLAGS = 0xe2888205;
const FLAG_NEGOTIATE_VERSION = 0x02000000;

/** DER: tag, short or long length, value. */
function der(tag: number, ...parts: Buffer[]): Buffer {
  const value = Buffer.concat(parts);
  const length =
    value.length < 0x80 ? Buffer.from([value.length]) : Buffer.from([0x82, value.length >> 8, value.length & 0xff]);
  return Buffer.concat([Buffer.from([tag]), length, value]);
}

const OID_SPNEGO = Buffer.from([0x06, 0x06, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x02]);
const OID_NTLMSSP = Buffer.from([0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x82, 0x37, 0x02, 0x02, 0x0a]);

function negotiateMessage(): Buffer {
  const message = Buffer.alloc(40);
  NTLMSSP_SIGNATURE.copy(message, 0);
  message.writeUInt32LE(1, 8); // NEGOTIATE_MESSAGE
  message.writeUInt32LE(NEGOTIATE_FLAGS, 12);
  // DomainNameFields and WorkstationFields stay empty (offsets 16–31); Version: 10.0 build 0, NTLM revision 15.
  message.writeUInt8(10, 32);
  message.writeUInt8(15, 39);
  return message;
}

/** SPNEGO NegTokenInit (RFC 4178) offering NTLMSSP, as every SMB client sends it. */
function spnegoNegTokenInit(token: Buffer): Buffer {
  const mechTypes = der(0xa0, der(0x30, OID_NTLMSSP));
  const mechToken = der(0xa2, der(0x04, token));
  return der(0x60, OID_SPNEGO, der(0xa0, der(0x30, mechTypes, mechToken)));
}

/** SMB2 SESSION_SETUP request (MessageId 1: the NEGOTIATE before it used 0) with the NTLMSSP negotiation. */
export const SESSION_SETUP = (() => {
  const security = spnegoNegTokenInit(negotiateMessage());
  const header = Buffer.alloc(64);
  Buffer.from([0xfe, 0x53, 0x4d, 0x42]).copy(header, 0);
  header.writeUInt16LE(64, 4); // StructureSize
  header.writeUInt16LE(1, 12); // Command: SESSION_SETUP
  header.writeUInt16LE(1, 14); // CreditRequest
  header.writeBigUInt64LE(1n, 24); // MessageId
  const body = Buffer.alloc(24);
  body.writeUInt16LE(25, 0); // StructureSize (24 fixed bytes + the buffer)
  body.writeUInt8(1, 3); // SecurityMode: signing enabled
  body.writeUInt16LE(64 + 24, 12); // SecurityBufferOffset, from the start of the SMB2 header
  body.writeUInt16LE(security.length, 14);
  const message = Buffer.concat([header, body, security]);
  const transport = Buffer.alloc(4);
  transport.writeUInt32BE(message.length);
  return Buffer.concat([transport, message]);
})();

export interface NtlmChallenge {
  /** Windows version the server states: major.minor and build, when it sends one. */
  version: { major: number; minor: number; build: number } | null;
  netbiosComputer: string | null;
  netbiosDomain: string | null;
  dnsComputer: string | null;
  dnsDomain: string | null;
}

function utf16(bytes: Buffer): string | null {
  return field(bytes.toString("utf16le"), 120);
}

/** The CHALLENGE_MESSAGE inside an SMB2 SESSION_SETUP response (or any reply carrying one), or null. */
export function parseNtlmChallenge(reply: Buffer): NtlmChallenge | null {
  return total(() => {
    const at = reply.indexOf(NTLMSSP_SIGNATURE);
    if (at === -1) return null;
    const message = reply.subarray(at);
    const reader = new ByteReader(message);
    reader.skip(8);
    if (reader.u32le() !== 2) return null; // CHALLENGE_MESSAGE
    reader.skip(8); // TargetNameFields
    const flags = reader.u32le();
    reader.skip(16); // ServerChallenge, Reserved
    const infoLength = reader.u16le();
    reader.skip(2);
    const infoOffset = reader.u32le();
    const hasVersion = (flags & FLAG_NEGOTIATE_VERSION) !== 0 && infoOffset >= 56;
    const version = hasVersion ? { major: message[48]!, minor: message[49]!, build: message.readUInt16LE(50) } : null;
    const names: Record<number, string | null> = {};
    const info = new ByteReader(message.subarray(infoOffset, infoOffset + infoLength));
    while (info.remaining >= 4) {
      const id = info.u16le();
      const length = info.u16le();
      if (id === 0) break; // MsvAvEOL
      const value = info.bytesOf(length);
      if (id >= 1 && id <= 4) names[id] = utf16(value);
    }
    return {
      version,
      netbiosComputer: names[1] ?? null,
      netbiosDomain: names[2] ?? null,
      dnsComputer: names[3] ?? null,
      dnsDomain: names[4] ?? null,
    };
  });
}

/** Windows releases by the NT version and build their NTLM challenge states. */
const WINDOWS_BUILDS: Readonly<Record<number, string>> = {
  10240: "Windows 10 1507",
  14393: "Windows Server 2016 / Windows 10 1607",
  17763: "Windows Server 2019 / Windows 10 1809",
  19041: "Windows 10 2004",
  19045: "Windows 10 22H2",
  20348: "Windows Server 2022",
  22000: "Windows 11 21H2",
  22621: "Windows 11 22H2",
  22631: "Windows 11 23H2",
  26100: "Windows Server 2025 / Windows 11 24H2",
};
const WINDOWS_VERSIONS: Readonly<Record<string, string>> = {
  "5.1": "Windows XP",
  "5.2": "Windows Server 2003",
  "6.0": "Windows Server 2008 / Windows Vista",
  "6.1": "Windows Server 2008 R2 / Windows 7",
  "6.2": "Windows Server 2012 / Windows 8",
  "6.3": "Windows Server 2012 R2 / Windows 8.1",
  "10.0": "Windows 10 / Windows Server 2016 or later",
};

/**
 * The operating system a challenge states. Build 0 is what Samba and other non-Windows servers send
 * (a fixed 6.1 with no build): that names no operating system, so none is claimed.
 */
export function operatingSystemOf(version: NtlmChallenge["version"]): string | null {
  if (version === null || version.build === 0) return null;
  const release = WINDOWS_BUILDS[version.build] ?? WINDOWS_VERSIONS[`${version.major}.${version.minor}`];
  const stated = `NT ${version.major}.${version.minor} build ${version.build}`;
  return release ? `${release} (${stated})` : `Windows ${stated}`;
}

/** The facts a challenge discloses: the operating system and the names the server gives itself. */
export function ntlmFacts(challenge: NtlmChallenge): ServiceFacts {
  const operatingSystem = operatingSystemOf(challenge.version);
  const hostName = challenge.dnsComputer ?? challenge.netbiosComputer;
  const domainName = challenge.dnsDomain ?? challenge.netbiosDomain;
  return {
    ...(operatingSystem === null ? {} : { operatingSystem }),
    ...(hostName === null ? {} : { hostName }),
    ...(domainName === null ? {} : { domainName }),
  };
}
