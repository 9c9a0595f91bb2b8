import { db, type Prisma } from "@/lib/db/client";
import type { AuditAction } from "./audit-actions";

export interface AuditEventInput {
  action: AuditAction;
  /** The organisation whose owners may read the event; null for account events outside one (sign-ins). */
  organizationId: string | null;
  actorUserId?: string | null;
  actorEmail?: string | null;
  /** What was acted on, as "<kind>:<id>" (e.g. "asset:ck…", "membership:ck…"). */
  target?: string | null;
  ip?: string | null;
  /** Small, non-secret details: values, roles, methods. Never tokens, passwords or keys. */
  details?: Record<string, string | number | boolean | null>;
  now?: Date;
}

type Writer = Pick<Prisma.TransactionClient, "auditEvent" | "user">;

/**
 * Records one security event. Inside a transaction (pass `tx`) it commits or rolls back with the change
 * it describes. Without one, a failure to write is logged and swallowed: the user's action already
 * happened, and refusing it afterwards would not undo it.
 */
export async function recordAuditEvent(event: AuditEventInput, tx?: Writer): Promise<void> {
  if (tx) {
    await tx.auditEvent.create({ data: await rowOf(event, tx) });
    return;
  }
  try {
    await db.auditEvent.create({ data: await rowOf(event, db) });
  } catch (error) {
    console.error("[portwatch] could not record audit event", { action: event.action }, error);
  }
}

/** The row to store; the actor's address is looked up when only their id is known, so it outlives the account. */
async function rowOf(event: AuditEventInput, reader: Writer) {
  const actorEmail =
    event.actorEmail ??
    (event.actorUserId
      ? ((await reader.user.findUnique({ where: { id: event.actorUserId }, select: { email: true } }))?.email ?? null)
      : null);
  return {
    action: event.action,
    organizationId: event.organizationId,
    actorUserId: event.actorUserId ?? null,
    actorEmail,
    target: event.target ?? null,
    ip: event.ip ?? null,
    details: event.details ?? {},
    ...(event.now ? { createdAt: event.now } : {}),
  };
}
