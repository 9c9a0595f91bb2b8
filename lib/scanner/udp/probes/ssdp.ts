import type { UdpProbe } from "./udp-probe";

const M_SEARCH = Buffer.from(
  'M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n',
);

/** UPnP discovery sent unicast; the SERVER header names the UPnP stack ("Linux/5.4 UPnP/1.0 MiniUPnPd/2.2"). */
export const ssdpProbe: UdpProbe = {
  ports: [1900],
  build() {
    return {
      packets: [M_SEARCH],
      identify(reply) {
        const text = reply.toString("latin1");
        if (!/^HTTP\/1\.[01] 200/.test(text) && !/^NOTIFY \* HTTP/.test(text)) return null;
        const server = /^server:\s*(.+?)\s*$/im.exec(text)?.[1] ?? null;
        const last = server?.split(/\s+/).pop() ?? null;
        const [product, version] = last?.includes("/") ? last.split("/", 2) : [null, null];
        return { detectedService: "ssdp", product: product ?? null, version: version ?? null, summary: server };
      },
    };
  },
};
