import { serve } from "inngest/next";
import { functions, inngest } from "@/inngest";

// Scans run for minutes per step; the Node runtime keeps sockets and Prisma available.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const { GET, POST, PUT } = serve({ client: inngest, functions });
