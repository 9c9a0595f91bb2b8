"use client";

import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/result";
import { primaryButton } from "@/components/forms/buttons";
import { FormStatus } from "@/components/forms/form-status";
import { resendVerificationAction, resendVerificationByTokenAction } from "@/app/(auth)/verify-email/actions";

/**
 * "Send a new link". With `token` (an expired or used link) it works without a session; without it,
 * for the signed-in user.
 */
export function ResendVerificationForm({ token, compact = false }: { token?: string; compact?: boolean }) {
  const [state, formAction, pending] = useActionState(
    (previous: ActionState, form: FormData) =>
      token ? resendVerificationByTokenAction(previous, form) : resendVerificationAction(previous, form),
    undefined,
  );
  return (
    <form action={formAction} className={compact ? "inline-flex flex-wrap items-center gap-2" : "space-y-3"}>
      {token && <input type="hidden" name="token" value={token} />}
      <button
        type="submit"
        disabled={pending || Boolean(state?.success)}
        className={
          compact
            ? "rounded-md border border-amber-400 bg-white px-3 py-1 text-sm font-medium text-amber-950 hover:bg-amber-100 disabled:opacity-60"
            : `${primaryButton} w-full`
        }
      >
        {pending ? "Sending…" : "Send a new link"}
      </button>
      <FormStatus state={state} />
    </form>
  );
}
