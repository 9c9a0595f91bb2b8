import { db } from "@/lib/db/client";

/** QUEUED/RUNNING → FAILED with a reason the user can read. Finished runs are left as they are. */
export async function failScanRun(
  organizationId: string,
  input: { scanRunId: string; error: string; now: Date },
): Promise<boolean> {
  const { count } = await db.scanRun.updateMany({
    where: { id: input.scanRunId, organizationId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "FAILED", error: input.error.slice(0, 2000), finishedAt: input.now },
  });
  return count > 0;
}
