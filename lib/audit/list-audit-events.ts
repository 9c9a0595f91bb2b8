import { db } from "@/lib/db/client";
import { inOrganization, type OrgContext } from "@/lib/authz/org-context";
import { AUDIT_ACTIONS, type AuditAction } from "./audit-actions";

export interface AuditEntry {
  id: string;
  action: AuditAction;
  label: string;
  actorEmail: string | null;
  target: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  createdAt: Date;
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * The organisation's security events, newest first, for its owners: everything recorded for the
 * organisation, plus the sign-ins of its current members (account events carry no organisation).
 * `before` pages back in time. The capability is checked again in the query.
 */
export async function listAuditEvents(
  ctx: OrgContext<"audit:read">,
  options: { before?: Date; take?: number } = {},
): Promise<AuditEntry[]> {
  const scope = inOrganization(ctx, "audit:read");
  const caller = await db.membership.findFirst({ where: { userId: ctx.userId, ...scope }, select: { id: true } });
  if (!caller) return [];
  const members = await db.membership.findMany({
    where: { organizationId: ctx.organizationId },
    select: { userId: true },
  });
  const rows = await db.auditEvent.findMany({
    where: {
      ...(options.before ? { createdAt: { lt: options.before } } : {}),
      OR: [
        { organizationId: ctx.organizationId },
        {
          organizationId: null,
          action: { startsWith: "auth.sign_in" },
          actorUserId: { in: members.map((m) => m.userId) },
        },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.take ?? AUDIT_PAGE_SIZE,
  });
  return rows.map((r) => ({
    id: r.id,
    action: r.action as AuditAction,
    label: AUDIT_ACTIONS[r.action as AuditAction] ?? r.action,
    actorEmail: r.actorEmail,
    target: r.target,
    ip: r.ip,
    details: (r.details ?? {}) as Record<string, unknown>,
    createdAt: r.createdAt,
  }));
}
