import http from "node:http";
import https from "node:https";
import { resolveTarget, TargetRefusedError } from "@/lib/scanner";
import { VERIFICATION_FILE_PATH, fileProves } from "./proof";

export interface FileCheckOptions {
  dnsServers: readonly string[];
  allowedCidrs: readonly string[];
  deniedCidrs: readonly string[];
  /** Defaults 443 and 80; tests point them at their loopback servers. */
  httpsPort?: number;
  httpPort?: number;
  timeoutMs?: number;
}

const MAX_BODY_BYTES = 4096;
const MAX_ADDRESSES = 4;

/**
 * Fetches /.well-known/portwatch-verification.txt from the asset over HTTPS, then HTTP. The host is
 * resolved and checked by the scanner's address policy (public addresses only unless opted in, never
 * this server, never SCAN_DENIED_CIDRS) and the request goes to the checked IP literal, so a DNS answer
 * that changes in between cannot point the fetch at an internal service. No redirects are followed.
 * The certificate is not validated: the proof is the file's content at the address the name resolves to,
 * which plain HTTP proves equally.
 */
export async function checkHttpFile(target: string, token: string, options: FileCheckOptions): Promise<boolean> {
  let addresses;
  try {
    addresses = await resolveTarget(target, {
      allowedCidrs: options.allowedCidrs,
      deniedCidrs: options.deniedCidrs,
      ...(options.dnsServers.length > 0 ? { dnsServers: options.dnsServers } : {}),
    });
  } catch (error) {
    if (error instanceof TargetRefusedError) return false;
    throw error;
  }
  const hostHeader = target.includes(":") ? `[${target}]` : target;
  for (const address of addresses.slice(0, MAX_ADDRESSES)) {
    for (const secure of [true, false]) {
      const body = await fetchFile(address.ip, hostHeader, target, secure, options).catch(() => null);
      if (body !== null && fileProves(body, token)) return true;
    }
  }
  return false;
}

function fetchFile(
  ip: string,
  hostHeader: string,
  servername: string,
  secure: boolean,
  options: FileCheckOptions,
): Promise<string | null> {
  const port = secure ? (options.httpsPort ?? 443) : (options.httpPort ?? 80);
  const timeout = options.timeoutMs ?? 5_000;
  return new Promise((resolve, reject) => {
    const common = {
      host: ip,
      port,
      path: VERIFICATION_FILE_PATH,
      method: "GET",
      headers: {
        host: port === (secure ? 443 : 80) ? hostHeader : `${hostHeader}:${port}`,
        "user-agent": "Portwatch-Verification/1",
        accept: "text/plain",
      },
      timeout,
      agent: false as const,
    };
    const req = secure
      ? https.request({
          ...common,
          rejectUnauthorized: false,
          ...(servername.includes(":") || /^\d+\.\d+\.\d+\.\d+$/.test(servername) ? {} : { servername }),
        })
      : http.request(common);
    const timer = setTimeout(() => req.destroy(new Error("timeout")), timeout);
    req.on("response", (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        clearTimeout(timer);
        resolve(null);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          req.destroy();
          clearTimeout(timer);
          resolve(null);
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => {
        clearTimeout(timer);
        resolve(Buffer.concat(chunks).toString("utf8"));
      });
      res.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end();
  });
}
