"use server";

import { userAction } from "@/lib/actions/action";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { acceptInvitationSchema } from "@/lib/validation/organization";

export const acceptInvitationAction = userAction(acceptInvitationSchema, async (input, user) => {
  const { organizationId } = await acceptInvitation({ token: input.token, userId: user.id, userEmail: user.email });
  return { success: "Welcome! You joined the organisation.", data: { organizationId } };
});
