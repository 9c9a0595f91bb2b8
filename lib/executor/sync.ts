import { z } from "zod";
import type { ExecutorLogger } from "./log";
import { registerFunctions, type RegisterResult } from "./registry";
import { canonicalJson, signBody, verifySignature } from "./signing";
import type { Db } from "./store";

/**
 * Syncing the app (SDK_SPEC §4.3): a signed in-band PUT to its serve endpoint, answered with the
 * app's function configs. If the SDK refuses in-band syncs (INNGEST_ALLOW_IN_BAND_SYNC=0) it registers
 * out of band instead, by POSTing to the executor's /fn/register (see server.ts).
 */
const inBandSchema = z.object({ app_id: z.string().min(1), functions: z.array(z.unknown()) }).passthrough();

export class SyncError extends Error {}

export async function syncApp(opts: {
  db: Db;
  appUrl: string;
  signingKey: string;
  log: ExecutorLogger;
  timeoutMs?: number;
  signal?: AbortSignal;
}): Promise<RegisterResult & { appId: string | null }> {
  const body = canonicalJson({ url: opts.appUrl });
  let res: Response;
  try {
    res = await fetch(opts.appUrl, {
      method: "PUT",
      headers: {
        "content-type": "application/json",
        "x-inngest-signature": signBody(body, opts.signingKey),
        "x-inngest-sync-kind": "in_band",
        "x-inngest-server-kind": "cloud",
        "user-agent": "portwatch-executor",
      },
      body,
      signal: AbortSignal.any([AbortSignal.timeout(opts.timeoutMs ?? 60_000), ...(opts.signal ? [opts.signal] : [])]),
    });
  } catch (err) {
    const cause = (err as { cause?: { message?: string } }).cause?.message;
    throw new SyncError(`App at ${opts.appUrl} is not answering${cause ? ` (${cause})` : ""}`);
  }
  const text = await res.text();
  if (res.status !== 200)
    throw new SyncError(`App at ${opts.appUrl} refused the sync: HTTP ${res.status} ${text.slice(0, 300)}`);
  // Only the app holding the signing key can sign its answer; anything else is not our app.
  if (!verifySignature(text, res.headers.get("x-inngest-signature"), opts.signingKey)) {
    throw new SyncError(`App at ${opts.appUrl} answered the sync without a valid signature`);
  }
  if (res.headers.get("x-inngest-sync-kind") !== "in_band") {
    // Out-of-band: the SDK has already POSTed its functions to /fn/register.
    return { appId: null, functions: 0, modified: false, skipped: [] };
  }
  const parsed = inBandSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new SyncError(`App at ${opts.appUrl} sent an unreadable sync response`);
  const result = await registerFunctions(opts.db, parsed.data.app_id, parsed.data.functions, opts.log);
  return { appId: parsed.data.app_id, ...result };
}
