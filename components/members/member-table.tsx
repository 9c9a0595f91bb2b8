import { roleCan } from "@/lib/authz/capabilities";
import type { Member } from "@/lib/organizations/list-members";
import { ConfirmActionForm } from "./confirm-action-form";
import { RoleForm } from "./role-form";
import { ROLE_LABELS, type MemberAction, type RoleName } from "./types";

/** The roles the actor may pick for a member (mirrors lib/organizations/change-member-role). */
function roleOptions(actorRole: RoleName, target: Member): RoleName[] | null {
  if (roleCan(actorRole, "owners:manage")) return ["OWNER", "ADMIN", "VIEWER"];
  if (roleCan(actorRole, "members:manage") && target.role !== "OWNER") return ["ADMIN", "VIEWER"];
  return null;
}

export function MemberTable({
  members,
  organizationId,
  actorUserId,
  actorRole,
  changeRoleAction,
  removeMemberAction,
}: {
  members: Member[];
  organizationId: string;
  actorUserId: string;
  actorRole: RoleName;
  changeRoleAction: MemberAction;
  removeMemberAction: MemberAction;
}) {
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className="px-4 py-2">
              Member
            </th>
            <th scope="col" className="px-4 py-2">
              Role
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {members.map((m) => {
            const options = roleOptions(actorRole, m);
            const self = m.userId === actorUserId;
            return (
              <tr key={m.membershipId}>
                <td className="px-4 py-2">
                  <div className="font-medium">
                    {m.name ?? m.email}
                    {self && <span className="ml-2 text-xs font-normal text-slate-500">(you)</span>}
                  </div>
                  {m.name && <div className="text-xs text-slate-500">{m.email}</div>}
                </td>
                <td className="px-4 py-2">
                  {options ? (
                    <RoleForm
                      organizationId={organizationId}
                      membershipId={m.membershipId}
                      memberName={m.email}
                      role={m.role}
                      options={options}
                      action={changeRoleAction}
                    />
                  ) : (
                    ROLE_LABELS[m.role]
                  )}
                </td>
                <td className="px-4 py-2 text-right">
                  {roleCan(actorRole, "members:remove") && !self && (
                    <ConfirmActionForm
                      action={removeMemberAction}
                      fields={{ organizationId, membershipId: m.membershipId }}
                      label="Remove"
                      question={`Remove ${m.email} from the organisation?`}
                      confirmLabel="Remove"
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
