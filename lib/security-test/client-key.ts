import crypto from "node:crypto";
import { authSecret } from "@/lib/auth/secret";

/**
 * What the per-address limit counts instead of the address: a keyed hash, so the table of public tests
 * holds no visitor addresses, and the hash cannot be reversed by trying every IPv4 address.
 */
export function securityTestClientKey(ip: string): string {
  return crypto.createHmac("sha256", authSecret()).update(`security-test:${ip}`).digest("base64url");
}
