"use server";

import { orgAction } from "@/lib/actions/action";
import { renameOrganization } from "@/lib/organizations/rename-organization";
import { renameOrganizationSchema } from "@/lib/validation/organization";

export const renameOrganizationAction = orgAction(
  { schema: renameOrganizationSchema, capability: "organization:manage" },
  async (input, ctx) => {
    await renameOrganization(ctx, input.name);
    return { success: `The organisation is now called “${input.name}”.` };
  },
);
