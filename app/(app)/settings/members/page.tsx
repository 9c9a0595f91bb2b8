import type { Metadata } from "next";
import { ConfirmActionForm } from "@/components/members/confirm-action-form";
import { InviteForm } from "@/components/members/invite-form";
import { MemberTable } from "@/components/members/member-table";
import { can } from "@/lib/authz/org-context";
import { listPendingInvitations } from "@/lib/invitations/list-invitations";
import { listMembers } from "@/lib/organizations/list-members";
import { formatDateTime } from "@/components/assets/format";
import { requireAppOrganization } from "../../current-organization";
import {
  changeRoleAction,
  inviteMemberAction,
  leaveOrganizationAction,
  removeMemberAction,
  revokeInvitationAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage() {
  const { user, active } = await requireAppOrganization();
  const canManage = can(active, "members:manage");
  const [members, invitations] = await Promise.all([
    listMembers(active),
    can(active, "members:manage") ? listPendingInvitations(active) : Promise.resolve([]),
  ]);
  const isOwner = can(active, "owners:manage");
  const ownerCount = members.filter((m) => m.role === "OWNER").length;
  const lastOwner = isOwner && ownerCount === 1;

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight">Members of {active.name}</h1>

      <MemberTable
        members={members}
        organizationId={active.organizationId}
        actorUserId={user.id}
        actorRole={active.role}
        changeRoleAction={changeRoleAction}
        removeMemberAction={removeMemberAction}
      />

      {canManage && (
        <section className="space-y-3">
          <h2 className="text-lg font-medium">Invite someone</h2>
          <InviteForm
            organizationId={active.organizationId}
            roles={isOwner ? ["VIEWER", "ADMIN", "OWNER"] : ["VIEWER", "ADMIN"]}
            action={inviteMemberAction}
          />
        </section>
      )}

      {canManage && invitations.length > 0 && (
        <section className="space-y-3">
          <h2 className="text-lg font-medium">Pending invitations</h2>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-sm">
                <span className="font-medium">{inv.email}</span>
                <span className="text-slate-600">{inv.role.toLowerCase()}</span>
                <span className="text-slate-500">expires {formatDateTime(inv.expiresAt)}</span>
                {(isOwner || inv.role !== "OWNER") && (
                  <span className="ml-auto">
                    <ConfirmActionForm
                      action={revokeInvitationAction}
                      fields={{ organizationId: active.organizationId, invitationId: inv.id }}
                      label="Withdraw"
                      question={`Withdraw the invitation to ${inv.email}?`}
                      confirmLabel="Withdraw"
                    />
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="space-y-2">
        <h2 className="text-lg font-medium">Leave organisation</h2>
        {lastOwner ? (
          <p className="text-sm text-slate-600">
            You are the only owner. Make another member an owner before you leave.
          </p>
        ) : (
          <ConfirmActionForm
            action={leaveOrganizationAction}
            fields={{ organizationId: active.organizationId }}
            label="Leave this organisation"
            question={`Leave ${active.name}? You will lose access until someone invites you again.`}
            confirmLabel="Leave"
            afterSuccess="go-to-assets"
          />
        )}
      </section>
    </div>
  );
}
