"use server";

import { orgAction } from "@/lib/actions/action";
import { requestReportNow } from "@/lib/reports/request-report-now";
import { updateReportSettings } from "@/lib/reports/report-settings";
import { reportSettingsSchema, sendReportNowSchema } from "@/lib/validation/reports";

export const updateReportSettingsAction = orgAction(
  { schema: reportSettingsSchema, capability: "reports:manage" },
  async (input, ctx) => {
    await updateReportSettings(ctx, input);
    return { success: "Report settings saved." };
  },
);

export const sendReportNowAction = orgAction(
  { schema: sendReportNowSchema, capability: "reports:manage" },
  async (_input, ctx) => {
    const { recipients } = await requestReportNow(ctx);
    return {
      success: `The report is on its way to ${recipients} ${recipients === 1 ? "recipient" : "recipients"}. Its delivery appears below.`,
    };
  },
);
