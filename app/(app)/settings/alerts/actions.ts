"use server";

import { orgAction } from "@/lib/actions/action";
import { updateMemberMailSettings } from "@/lib/alerts/member-mail-settings";
import { memberMailSettingsSchema } from "@/lib/validation/reports";

export const updateMemberMailSettingsAction = orgAction(
  { schema: memberMailSettingsSchema, capability: "assets:read" },
  async (input, ctx) => {
    await updateMemberMailSettings(ctx, input);
    return { success: "Your mail settings are saved." };
  },
);
