import http from "node:http";
import https from "node:https";
import type { WebhookTarget } from "./check-webhook-url";

/** A receiver gets this long to answer, headers and body together. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** At most this much of a response is read; receivers only need to answer with a status. */
export const WEBHOOK_MAX_RESPONSE_BYTES = 64 * 1024;

export interface WebhookResponse {
  /** A 2xx answer. */
  ok: boolean;
  /** The HTTP status, null when no response arrived. */
  status: number | null;
  /** What went wrong, for the delivery log; null on success. */
  error: string | null;
}

export interface SendOptions {
  timeoutMs?: number;
  maxResponseBytes?: number;
}

/**
 * POSTs one delivery to the checked address: the TCP connection goes to the IP literal the policy
 * accepted, while Host and TLS SNI carry the URL's host (so certificates are verified against the name).
 * Redirects are not followed (a 3xx is a failed attempt), at most 64 KiB of the answer is read and the
 * whole exchange is cut after 10 s.
 */
export function sendWebhookRequest(
  target: WebhookTarget,
  request: { headers: Record<string, string>; body: string },
  options: SendOptions = {},
): Promise<WebhookResponse> {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  const maxBytes = options.maxResponseBytes ?? WEBHOOK_MAX_RESPONSE_BYTES;
  const { url, hostname, address } = target;
  const secure = url.protocol === "https:";
  const body = Buffer.from(request.body, "utf8");
  const isIpLiteral = hostname.includes(":") || /^\d+\.\d+\.\d+\.\d+$/.test(hostname);

  return new Promise((resolve) => {
    let settled = false;
    // Set once the status line arrived: a body that never ends does not undo the receiver's answer.
    let answered: WebhookResponse | null = null;
    const finish = (response: WebhookResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(response);
    };
    const options: https.RequestOptions = {
      host: address.ip,
      family: address.family,
      port: url.port === "" ? (secure ? 443 : 80) : Number(url.port),
      path: `${url.pathname}${url.search}`,
      method: "POST",
      headers: {
        ...request.headers,
        host: url.host,
        "content-type": "application/json",
        "content-length": String(body.length),
        "user-agent": "Portwatch-Webhooks/1",
      },
      agent: false,
      ...(secure && !isIpLiteral ? { servername: hostname } : {}),
    };
    const req = secure ? https.request(options) : http.request(options);
    const timer = setTimeout(
      () => finish(answered ?? { ok: false, status: null, error: `No answer within ${timeoutMs / 1000} s.` }),
      timeoutMs,
    );
    req.on("error", (error) => finish({ ok: false, status: null, error: connectionError(error) }));
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      const ok = status >= 200 && status < 300;
      const error = ok
        ? null
        : status >= 300 && status < 400
          ? `HTTP ${status}: redirects are not followed${res.headers.location ? ` (to ${res.headers.location.slice(0, 200)})` : ""}.`
          : `HTTP ${status}.`;
      answered = { ok, status, error };
      let received = 0;
      res.on("data", (chunk: Buffer) => {
        received += chunk.length;
        // The rest is not read: a receiver cannot make Portwatch download a large or endless answer.
        if (received > maxBytes) finish({ ok, status, error });
      });
      res.on("end", () => finish({ ok, status, error }));
      res.on("error", () => finish({ ok, status, error }));
    });
    req.end(body);
  });
}

function connectionError(error: Error & { code?: string }): string {
  switch (error.code) {
    case "ECONNREFUSED":
      return "The connection was refused.";
    case "ECONNRESET":
      return "The connection was reset.";
    case "ETIMEDOUT":
      return "The connection timed out.";
    default:
      return error.code?.startsWith("ERR_TLS") || error.code?.includes("CERT")
        ? `TLS failed: ${error.message.slice(0, 200)}`
        : `The request failed (${error.code ?? error.message.slice(0, 100)}).`;
  }
}
