"use server";

import { userAction } from "@/lib/actions/action";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createOrganizationSchema } from "@/lib/validation/organization";

export const createOrganizationAction = userAction(createOrganizationSchema, async (input, user) => {
  const { id } = await createOrganization({ userId: user.id, name: input.name });
  return { success: `“${input.name}” was created with a 14-day free trial.`, data: { id } };
});
