import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

export const SAMPLE_DATA_SCAN_MESSAGE =
  "This is the demo organisation: its assets are sample data with made-up .test names and loopback addresses, so they cannot be scanned. Create your own organisation and add a domain you own to scan it.";

/**
 * Refuses to scan an organisation of generated sample data (npm run seed:demo, the dashboard benchmark):
 * scanning would send its made-up .test names to the system resolver. Checked before a run is created.
 */
export async function assertNotSampleData(organizationId: string): Promise<void> {
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { sampleData: true } });
  if (org?.sampleData) throw new AppError("conflict", SAMPLE_DATA_SCAN_MESSAGE);
}
