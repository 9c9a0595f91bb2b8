import { serve } from "inngest/next";
import { functions, inngest } from "@/inngest";
import { appOrigin } from "@/lib/auth/app-url";

// Scans run for minutes per step; the Node runtime keeps sockets and Prisma available.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Only the holder of the signing key may sync: an unsigned PUT is refused instead of making the SDK
 * register itself at whatever Host the request named. Functions are always registered at APP_URL.
 */
export const { GET, POST, PUT } = serve({
  client: inngest,
  functions,
  enableUnauthedSync: false,
  serveOrigin: appOrigin(),
  servePath: "/api/inngest",
});
