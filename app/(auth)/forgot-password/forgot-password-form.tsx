"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { fieldErrorsOf } from "../_components/field-errors";
import { FormAlert } from "../_components/form-alert";
import { SubmitButton } from "../_components/submit-button";
import { EmailField } from "../_components/email-field";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState(requestPasswordResetAction, undefined);
  const [email, setEmail] = useState("");
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert state={state} />
      <EmailField value={email} onValueChange={setEmail} errors={errors.email} />
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send me a reset link
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Remembered it?{" "}
        <Link href="/sign-in" className="font-medium text-slate-900 underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
