"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { PASSWORD_MAX_LENGTH } from "@/lib/validation/auth";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { EmailField } from "@/components/forms/email-field";
import { TextField } from "@/components/forms/text-field";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState(signInAction, undefined);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const errors = fieldErrorsOf(state);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField value={email} onValueChange={setEmail} errors={errors.email} autoComplete="username" />
      <TextField
        label="Password"
        name="password"
        type="password"
        value={password}
        onValueChange={setPassword}
        errors={errors.password}
        autoComplete="current-password"
        required
        maxLength={PASSWORD_MAX_LENGTH}
      />
      <div className="text-right text-sm">
        <Link href="/forgot-password" className="text-slate-700 underline">
          Forgot your password?
        </Link>
      </div>
      <SubmitButton wide pending={pending} pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        New to Portwatch?{" "}
        <Link href="/sign-up" className="font-medium text-slate-900 underline">
          Start a free trial
        </Link>
      </p>
    </form>
  );
}
