"use server";

import { orgAction } from "@/lib/actions/action";
import { createInvitation } from "@/lib/invitations/create-invitation";
import { revokeInvitation } from "@/lib/invitations/revoke-invitation";
import { changeMemberRole } from "@/lib/organizations/change-member-role";
import { leaveOrganization } from "@/lib/organizations/leave-organization";
import { removeMember } from "@/lib/organizations/remove-member";
import {
  changeRoleSchema,
  inviteMemberSchema,
  leaveOrganizationSchema,
  removeMemberSchema,
  revokeInvitationSchema,
} from "@/lib/validation/organization";

export const changeRoleAction = orgAction(
  { schema: changeRoleSchema, capability: "members:manage" },
  async (input, ctx) => {
    await changeMemberRole(ctx, { membershipId: input.membershipId, role: input.role });
    return { success: `Role changed to ${input.role.toLowerCase()}.` };
  },
);

export const removeMemberAction = orgAction(
  { schema: removeMemberSchema, capability: "members:remove" },
  async (input, ctx) => {
    await removeMember(ctx, input.membershipId);
    return { success: "Member removed." };
  },
);

export const leaveOrganizationAction = orgAction(
  { schema: leaveOrganizationSchema, capability: "organization:leave" },
  async (_input, ctx) => {
    await leaveOrganization(ctx);
    return { success: "You left the organisation." };
  },
);

export const inviteMemberAction = orgAction(
  { schema: inviteMemberSchema, capability: "members:manage" },
  async (input, ctx) => {
    const { expiresAt } = await createInvitation(ctx, { email: input.email, role: input.role });
    return { success: `Invitation sent to ${input.email}. The link works until ${expiresAt.toUTCString()}.` };
  },
);

export const revokeInvitationAction = orgAction(
  { schema: revokeInvitationSchema, capability: "members:manage" },
  async (input, ctx) => {
    await revokeInvitation(ctx, input.invitationId);
    return { success: "Invitation withdrawn; its link no longer works." };
  },
);
