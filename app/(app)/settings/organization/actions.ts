"use server";

import { orgAction } from "@/lib/actions/action";
import { renameOrganization } from "@/lib/organizations/rename-organization";
import { renameOrganizationSchema } from "@/lib/validation/organization";

export const renameOrganizationAction = orgAction({ schema: renameOrganizationSchema, role: "OWNER" }, async (input, ctx) => {
  await renameOrganization({ organizationId: ctx.organizationId, userId: ctx.userId, name: input.name });
  return { success: `The organisation is now called “${input.name}”.` };
});
