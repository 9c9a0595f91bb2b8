"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { EmailField } from "@/components/forms/email-field";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const [state, formAction, pending] = useActionState(requestPasswordResetAction, undefined);
  const [email, setEmail] = useState("");
  const errors = fieldErrorsOf(state);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormStatus state={state} />
      <EmailField value={email} onValueChange={setEmail} errors={errors.email} />
      <SubmitButton wide pending={pending} pendingLabel="Sending…">
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
