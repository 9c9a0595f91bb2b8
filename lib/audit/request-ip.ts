import { headers } from "next/headers";
import { clientIpFromHeaders } from "@/lib/auth/client-ip";

/**
 * The client address of the current request, for audit events; null outside a request (background
 * jobs, scripts), where there is no client.
 */
export async function requestIp(): Promise<string | null> {
  let list: Headers;
  try {
    list = await headers();
  } catch {
    return null;
  }
  return clientIpFromHeaders(list);
}
