import { canonicalJson, signBody } from "./signing";

/** One signed call request to the app's serve endpoint (SDK_SPEC §4.4). */
export interface CallRequest {
  /** The function's URL as synced (fnId=…&stepId=step). */
  url: string;
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
  | { kind: "response"; status: number; headers: Headers; body: string }
  | { kind: "error"; error: Error };

export function stepUrl(url: string, stepId: string): string {
  const u = new URL(url);
  u.searchParams.set("stepId", stepId);
  return u.href;
}

export async function callApp(req: CallRequest): Promise<CallResult> {
  const body = canonicalJson(req.body);
  try {
    const res = await fetch(stepUrl(req.url, req.stepId), {
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
    return { kind: "response", status: res.status, headers: res.headers, body: await res.text() };
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof Error && error.message === "fetch failed") error.message = `fetch failed: ${cause.message}`;
    return { kind: "error", error };
  }
}
