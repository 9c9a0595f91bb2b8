"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/auth";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { NewPasswordField } from "@/components/forms/new-password-field";
import { TextField } from "@/components/forms/text-field";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useActionState(resetPasswordAction, undefined);
  const [password, setPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const errors = fieldErrorsOf(state);
  const linkBroken = Boolean(errors.token);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && (linkBroken || !Object.keys(errors).length) && <FormStatus state={state} />}
      {linkBroken && (
        <p className="text-sm">
          <Link href="/forgot-password" className="font-medium underline">
            Ask for a new link
          </Link>
        </p>
      )}
      <input type="hidden" name="token" value={token} />
      <NewPasswordField label="New password" value={password} onValueChange={setPassword} errors={errors.password} />
      <TextField
        label="Repeat the new password"
        name="confirmPassword"
        type="password"
        value={confirmPassword}
        onValueChange={setConfirmPassword}
        errors={errors.confirmPassword}
        autoComplete="new-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
      />
      <SubmitButton wide pending={pending} pendingLabel="Saving…">
        Set new password
      </SubmitButton>
      <p className="text-xs text-slate-500">This signs you out on every other device.</p>
    </form>
  );
}
