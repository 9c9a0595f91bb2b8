import { formatDateTime } from "@/components/assets/format";
import { ConfirmActionForm } from "@/components/members/confirm-action-form";
import type { MemberAction } from "@/components/members/types";

export interface ApiKeyListItem {
  id: string;
  name: string;
  scope: "READ" | "READ_WRITE";
  prefix: string;
  createdAt: Date;
  createdByEmail: string | null;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

function status(key: ApiKeyListItem, now: Date): string {
  if (key.revokedAt) return `Revoked ${formatDateTime(key.revokedAt)}`;
  if (key.expiresAt && key.expiresAt <= now) return "Expired";
  return "Active";
}

/** The organisation's keys: what each may do, who made it, when it was last used; revoke. */
export function ApiKeyTable({
  keys,
  organizationId,
  revokeAction,
}: {
  keys: ApiKeyListItem[];
  organizationId: string;
  revokeAction: MemberAction;
}) {
  const now = new Date();
  if (keys.length === 0) {
    return (
      <p className="rounded-md border border-dashed border-slate-300 bg-white p-6 text-center text-slate-600">
        No API keys yet.
      </p>
    );
  }
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">API keys</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            {["Name", "Scope", "Created by", "Created", "Last used", "Expires", "Status", ""].map((h, i) => (
              <th key={i} scope="col" className="px-4 py-2 whitespace-nowrap">
                {h || <span className="sr-only">Actions</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {keys.map((k) => {
            const live = !k.revokedAt && !(k.expiresAt && k.expiresAt <= now);
            return (
              <tr key={k.id} data-testid={`api-key-${k.prefix}`}>
                <td className="px-4 py-2">
                  <div className="font-medium">{k.name}</div>
                  <div className="font-mono text-xs text-slate-500">{k.prefix}…</div>
                </td>
                <td className="px-4 py-2 whitespace-nowrap">{k.scope === "READ" ? "Read-only" : "Read and write"}</td>
                <td className="px-4 py-2">{k.createdByEmail ?? "—"}</td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-600">{formatDateTime(k.createdAt)}</td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-600">
                  {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}
                </td>
                <td className="px-4 py-2 whitespace-nowrap text-slate-600">
                  {k.expiresAt ? formatDateTime(k.expiresAt) : "Never"}
                </td>
                <td className="px-4 py-2 whitespace-nowrap">{status(k, now)}</td>
                <td className="px-4 py-2 text-right">
                  {live && (
                    <ConfirmActionForm
                      action={revokeAction}
                      fields={{ organizationId, apiKeyId: k.id }}
                      label="Revoke"
                      question={`Revoke “${k.name}”? Calls with it stop working at once.`}
                      confirmLabel="Revoke"
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
