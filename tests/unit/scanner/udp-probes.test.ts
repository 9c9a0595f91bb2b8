import dnsPacket from "dns-packet";
import { describe, expect, it } from "vitest";
import { identifyIke, ikev1MainMode, ikev2SaInit } from "@/lib/scanner/udp/probes/ike";
import { PROBED_PORTS, probeRoundFor } from "@/lib/scanner/udp/probes";
import { UDP_PROBE_PORTS } from "@/lib/scanner/udp/default-ports";
import {
  decodeOid,
  parseSnmpResponse,
  productOfSnmp,
  productOfSysDescr,
  snmpGetRequest,
} from "@/lib/scanner/udp/probes/snmp";

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag, content.length]), content]);
}

describe("UDP probes", () => {
  it("cover the documented services", () => {
    expect(UDP_PROBE_PORTS).toEqual([53, 123, 137, 161, 500, 1900, 11211]);
    // The default UDP ports are exactly those with a probe (listed apart so TCP scans load no probe).
    expect(PROBED_PORTS).toEqual(UDP_PROBE_PORTS);
    expect(probeRoundFor(9999).packets).toEqual([Buffer.alloc(0)]);
  });

  it("DNS: sends version.bind CH TXT and names the product from the answer", () => {
    const round = probeRoundFor(53);
    const query = dnsPacket.decode(round.packets[0]!);
    expect(query.questions?.[0]).toMatchObject({ name: "version.bind", type: "TXT", class: "CH" });
    const reply = dnsPacket.encode({
      type: "response",
      id: query.id,
      questions: query.questions,
      answers: [{ type: "TXT", class: "CH", name: "version.bind", data: "dnsmasq-2.89" }],
    });
    expect(round.identify(reply)).toMatchObject({ detectedService: "domain", product: "dnsmasq", version: "2.89" });
    const otherId = dnsPacket.encode({ type: "response", id: (query.id! + 1) % 65536, questions: query.questions });
    expect(round.identify(otherId)).toBeNull();
    expect(round.identify(Buffer.from("garbage"))).toBeNull();
  });

  it("NTP: accepts a mode-4 reply echoing our transmit timestamp", () => {
    const round = probeRoundFor(123);
    const request = round.packets[0]!;
    expect(request).toHaveLength(48);
    expect(request[0]! & 7).toBe(3);
    const reply = Buffer.alloc(48);
    reply[0] = (4 << 3) | 4;
    reply[1] = 2;
    request.copy(reply, 24, 40, 48);
    expect(round.identify(reply)).toMatchObject({ detectedService: "ntp", summary: "NTPv4, stratum 2" });
    expect(round.identify(Buffer.alloc(48))).toBeNull();
  });

  it("SNMP: builds a v2c GetRequest for sysDescr.0 and parses the response", () => {
    const request = snmpGetRequest("public", 0x1234);
    expect(request.includes(Buffer.from("public"))).toBe(true);
    expect(request.includes(Buffer.from([0x06, 0x08, 0x2b, 6, 1, 2, 1, 1, 1, 0]))).toBe(true);
    expect(request.includes(Buffer.from([0x06, 0x08, 0x2b, 6, 1, 2, 1, 1, 2, 0]))).toBe(true);
    const descr = "Linux gw 5.10.0-21-amd64 #1 SMP Debian";
    const varbind = tlv(
      0x30,
      Buffer.concat([tlv(0x06, Buffer.from([0x2b, 6, 1, 2, 1, 1, 1, 0])), tlv(0x04, Buffer.from(descr))]),
    );
    const pdu = tlv(
      0xa2,
      Buffer.concat([
        tlv(0x02, Buffer.from([0x12, 0x34])),
        tlv(0x02, Buffer.from([0])),
        tlv(0x02, Buffer.from([0])),
        tlv(0x30, varbind),
      ]),
    );
    const response = tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([1])), tlv(0x04, Buffer.from("public")), pdu]));
    expect(parseSnmpResponse(response)).toEqual({ requestId: 0x1234, sysDescr: descr, sysObjectId: null });
    expect(productOfSysDescr(descr)).toEqual({ product: "Linux", version: "5.10.0-21-amd64" });
    // Net-SNMP answers sysObjectID 1.3.6.1.4.1.8072.3.2.10 (NET-SNMP-MIB::linux).
    const netSnmpOid = Buffer.from([0x2b, 6, 1, 4, 1, 0xbf, 0x08, 3, 2, 10]);
    expect(decodeOid(netSnmpOid)).toBe("1.3.6.1.4.1.8072.3.2.10");
    const withOid = tlv(
      0x30,
      Buffer.concat([tlv(0x06, Buffer.from([0x2b, 6, 1, 2, 1, 1, 2, 0])), tlv(0x06, netSnmpOid)]),
    );
    const pdu2 = tlv(
      0xa2,
      Buffer.concat([
        tlv(0x02, Buffer.from([0x12, 0x34])),
        tlv(0x02, Buffer.from([0])),
        tlv(0x02, Buffer.from([0])),
        tlv(0x30, Buffer.concat([varbind, withOid])),
      ]),
    );
    const response2 = tlv(0x30, Buffer.concat([tlv(0x02, Buffer.from([1])), tlv(0x04, Buffer.from("public")), pdu2]));
    const parsed = parseSnmpResponse(response2)!;
    expect(parsed.sysObjectId).toBe("1.3.6.1.4.1.8072.3.2.10");
    expect(productOfSnmp(parsed.sysObjectId, parsed.sysDescr)).toEqual({ product: "Net-SNMP", version: null });
    expect(parseSnmpResponse(response.subarray(0, 20))).toBeNull();
  });

  it("SSDP: names the UPnP stack from the SERVER header", () => {
    const round = probeRoundFor(1900);
    expect(round.packets[0]!.toString()).toMatch(/^M-SEARCH \* HTTP\/1.1\r\n/);
    const reply = Buffer.from(
      "HTTP/1.1 200 OK\r\nSERVER: Linux/5.4 UPnP/1.0 MiniUPnPd/2.2.1\r\nST: upnp:rootdevice\r\n\r\n",
    );
    expect(round.identify(reply)).toMatchObject({ detectedService: "ssdp", product: "MiniUPnPd", version: "2.2.1" });
  });

  it("memcached: frames the request and reads VERSION", () => {
    const round = probeRoundFor(11211);
    const request = round.packets[0]!;
    expect(request.subarray(8).toString()).toBe("version\r\n");
    const reply = Buffer.concat([request.subarray(0, 8), Buffer.from("VERSION 1.6.21\r\n")]);
    expect(round.identify(reply)).toMatchObject({
      detectedService: "memcache",
      product: "Memcached",
      version: "1.6.21",
    });
  });

  it("NetBIOS: parses a node status answer", () => {
    const round = probeRoundFor(137);
    const request = round.packets[0]!;
    const header = Buffer.from(request.subarray(0, 12));
    header.writeUInt16BE(0x8400, 2);
    header.writeUInt16BE(0, 4);
    header.writeUInt16BE(1, 6);
    const name = request.subarray(12, 46);
    const names = Buffer.concat([
      Buffer.from("FILESERVER     "),
      Buffer.from([0x20, 0x04, 0x00]),
      Buffer.from("WORKGROUP      "),
      Buffer.from([0x00, 0x84, 0x00]),
    ]);
    const rdata = Buffer.concat([Buffer.from([2]), names, Buffer.alloc(6)]);
    const rr = Buffer.alloc(10);
    rr.writeUInt16BE(0x21, 0);
    rr.writeUInt16BE(1, 2);
    rr.writeUInt16BE(rdata.length, 8);
    const reply = Buffer.concat([header, name, rr, rdata]);
    expect(round.identify(reply)).toMatchObject({
      detectedService: "netbios-ns",
      product: "Samba nmbd",
      summary: "FILESERVER<20>, WORKGROUP<00>",
    });
  });

  it("IKE: v1 and v2 offers carry our SPI; replies are matched on it", () => {
    const spi = Buffer.from("0102030405060708", "hex");
    const v1 = ikev1MainMode(spi);
    const v2 = ikev2SaInit(spi);
    expect(v1[17]).toBe(0x10);
    expect(v2[17]).toBe(0x20);
    expect(v1.readUInt32BE(24)).toBe(v1.length);
    expect(v2.readUInt32BE(24)).toBe(v2.length);
    const reply = Buffer.from(v2);
    expect(identifyIke(reply, spi)).toEqual({ version: "IKEv2" });
    expect(identifyIke(reply, Buffer.alloc(8))).toBeNull();
  });
});
