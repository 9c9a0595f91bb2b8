"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { requestIp } from "@/lib/audit/request-ip";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { signUp } from "@/lib/auth/sign-up";
import { signUpCarryingDomainSchema } from "@/lib/validation/security-test";

/**
 * Every accepted sign-up ends on the same "check your inbox" page, signed out, whether the address was
 * new or already had an account: the mail says which (lib/auth/sign-up.ts). An invitee's way back to
 * the invitation rides along, to the sign-in after confirming.
 */
export const signUpAction = publicAction(signUpCarryingDomainSchema, async (input) => {
  await signUp(input, new Date(), (await requestIp()) ?? "unknown");
  const next = input.callbackUrl ? `&next=${encodeURIComponent(safeCallbackUrl(input.callbackUrl))}` : "";
  redirect(`/verify-email?sent=1${next}`);
});
