import { canonicalJson, signBody, verifySignature } from "./signing";

/** One signed call request to the app's serve endpoint (SDK_SPEC §4.4). */
export interface CallRequest {
  /** The executor's configured app URL; never the URL a sync reported, which names its own host. */
  appUrl: string;
  functionId: string;
  /** "step" to discover, or the hashed id of a planned step to run. */
  stepId: string;
  body: CallBody;
  signingKey: string;
  signal: AbortSignal;
  timeoutMs: number;
}

export interface CallBody {
  event: unknown;
  events: unknown[];
  steps: Record<string, unknown>;
  ctx: {
    run_id: string;
    attempt: number;
    max_attempts: number;
    disable_immediate_execution: boolean;
    use_api: false;
    stack: { stack: string[]; current: number };
  };
}

export type CallResult =
  { kind: "response"; status: number; headers: Headers; body: string } | { kind: "error"; error: Error };

export function stepUrl(appUrl: string, functionId: string, stepId: string): string {
  const u = new URL(appUrl);
  u.searchParams.set("fnId", functionId);
  u.searchParams.set("stepId", stepId);
  return u.href;
}

/**
 * The SDK signs every reply to a signed request with the same key. A reply without that signature did
 * not come from the app (or was altered on the way) and counts as a failed call, whatever it says.
 */
export function unsignedReplyError(status: number): Error {
  const hint =
    status === 401
      ? " (the app rejected the request signature; do the app and the executor share INNGEST_SIGNING_KEY?)"
      : "";
  return new Error(`The app's reply (HTTP ${status}) has no valid signature${hint}`);
}

export async function callApp(req: CallRequest): Promise<CallResult> {
  const body = canonicalJson(req.body);
  try {
    const res = await fetch(stepUrl(req.appUrl, req.functionId, req.stepId), {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "portwatch-executor",
        "x-inngest-signature": signBody(body, req.signingKey),
        "x-inngest-server-kind": "cloud",
      },
      body,
      redirect: "error",
      signal: AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs)]),
    });
    const reply = await res.text();
    if (!verifySignature(reply, res.headers.get("x-inngest-signature"), req.signingKey))
      return { kind: "error", error: unsignedReplyError(res.status) };
    return { kind: "response", status: res.status, headers: res.headers, body: reply };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error && error.message === "fetch failed") error.message = `fetch failed: ${cause.message}`;
    return { kind: "error", error };
  }
}
