import { db } from "@/lib/db/client";
import { AUDIT_RETENTION_MS } from "./audit-actions";

/** Deletes audit events older than the retention (one year). System-wide by nature; returns how many. */
export async function purgeAuditEvents(now: Date): Promise<number> {
  const { count } = await db.auditEvent.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - AUDIT_RETENTION_MS) } },
  });
  return count;
}
