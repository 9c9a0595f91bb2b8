"use server";

import { userAction } from "@/lib/actions/action";
import { switchActiveOrganization } from "@/lib/organizations/switch-active-organization";
import { switchOrganizationSchema } from "@/lib/validation/organization";

export const switchOrganizationAction = userAction(switchOrganizationSchema, async (input, user) => {
  await switchActiveOrganization({ userId: user.id, organizationId: input.organizationId });
  return { success: "Organisation switched." };
});
