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

export const changeRoleAction = orgAction({ schema: changeRoleSchema, role: "ADMIN" }, async (input, ctx) => {
  await changeMemberRole({ organizationId: ctx.organizationId, userId: ctx.userId, membershipId: input.membershipId, role: input.role });
  return { success: `Role changed to ${input.role.toLowerCase()}.` };
});

export const removeMemberAction = orgAction({ schema: removeMemberSchema, role: "OWNER" }, async (input, ctx) => {
  await removeMember({ organizationId: ctx.organizationId, userId: ctx.userId, membershipId: input.membershipId });
  return { success: "Member removed." };
});

export const leaveOrganizationAction = orgAction({ schema: leaveOrganizationSchema, role: "VIEWER" }, async (_input, ctx) => {
  await leaveOrganization({ organizationId: ctx.organizationId, userId: ctx.userId });
  return { success: "You left the organisation." };
});

export const inviteMemberAction = orgAction({ schema: inviteMemberSchema, role: "ADMIN" }, async (input, ctx) => {
  const { expiresAt } = await createInvitation({ organizationId: ctx.organizationId, userId: ctx.userId, email: input.email, role: input.role });
  return { success: `Invitation sent to ${input.email}. The link works until ${expiresAt.toUTCString()}.` };
});

export const revokeInvitationAction = orgAction({ schema: revokeInvitationSchema, role: "ADMIN" }, async (input, ctx) => {
  await revokeInvitation({ organizationId: ctx.organizationId, userId: ctx.userId, invitationId: input.invitationId });
  return { success: "Invitation withdrawn; its link no longer works." };
});
