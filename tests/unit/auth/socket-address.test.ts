import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { SOCKET_ADDRESS_HEADER, installSocketAddressHeader } from "@/lib/auth/socket-address";

describe("socket address header", () => {
  it("overwrites a client-sent value with the TCP peer's address on every request", async () => {
    installSocketAddressHeader();
    installSocketAddressHeader(); // twice is harmless
    const seen: Array<string | string[] | undefined> = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers[SOCKET_ADDRESS_HEADER]);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await fetch(url, { headers: { [SOCKET_ADDRESS_HEADER]: "198.51.100.7", "x-forwarded-for": "198.51.100.7" } });
    await fetch(url);
    server.close();
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});
