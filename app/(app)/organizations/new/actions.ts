"use server";

import { userAction } from "@/lib/actions/action";
import { createOrganization } from "@/lib/organizations/create-organization";
import { createOrganizationSchema } from "@/lib/validation/organization";

export const createOrganizationAction = userAction(createOrganizationSchema, async (input, user) => {
  const { id, trial } = await createOrganization({ userId: user.id, name: input.name });
  const plan = trial
    ? "with a 14-day free trial"
    : "without a trial: yours has been used, so choose a plan to scan with it";
  return { success: `“${input.name}” was created ${plan}.`, data: { id } };
});
