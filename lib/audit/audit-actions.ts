/** Every security event the audit log records, with how the audit-log page names it. */
export const AUDIT_ACTIONS = {
  "auth.sign_in_succeeded": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.sign_up": "Sign-up",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "invitation.sent": "Invitation sent",
  "invitation.revoked": "Invitation withdrawn",
  "invitation.accepted": "Invitation accepted",
  "asset.added": "Asset added",
  "asset.deleted": "Asset deleted",
  "asset.verified": "Ownership verified",
  "asset.verification_failed": "Ownership check failed",
  "asset.verification_lost": "Ownership no longer proven",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "billing.plan_changed": "Plan changed",
  "billing.payment_failed": "Payment failed",
  "api.request": "API call",
  "webhook.created": "Webhook endpoint added",
  "webhook.updated": "Webhook endpoint changed",
  "webhook.deleted": "Webhook endpoint deleted",
  "webhook.secret_rotated": "Webhook signing secret rotated",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Audit events are kept this long, then purged (inngest/functions/purge-audit-events.ts). */
export const AUDIT_RETENTION_MS = 365 * 24 * 60 * 60 * 1000;
