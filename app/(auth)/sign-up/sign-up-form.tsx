"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { NAME_MAX_LENGTH, ORGANIZATION_NAME_MAX_LENGTH } from "@/lib/validation/auth";
import { FormStatus, fieldErrorsOf } from "@/components/forms/form-status";
import { SubmitButton } from "@/components/forms/submit-button";
import { EmailField } from "@/components/forms/email-field";
import { NewPasswordField } from "@/components/forms/new-password-field";
import { TextField } from "@/components/forms/text-field";
import { signUpAction } from "./actions";

export function SignUpForm({
  callbackUrl,
  initialEmail,
  firstAsset,
}: {
  callbackUrl: string;
  initialEmail: string;
  /** A domain carried from the public security test, added as the first asset after confirmation. */
  firstAsset: string;
}) {
  const [state, formAction, pending] = useActionState(signUpAction, undefined);
  // Controlled fields keep what was typed when the server answers with an error.
  const [name, setName] = useState("");
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState("");
  const [organizationName, setOrganizationName] = useState("");
  const errors = fieldErrorsOf(state);
  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state && !hasFieldErrors && <FormStatus state={state} />}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {firstAsset && <input type="hidden" name="firstAsset" value={firstAsset} />}
      <TextField
        label="Name"
        name="name"
        value={name}
        onValueChange={setName}
        errors={errors.name}
        autoComplete="name"
        required
        maxLength={NAME_MAX_LENGTH}
      />
      <EmailField label="Work email" value={email} onValueChange={setEmail} errors={errors.email} />
      <NewPasswordField label="Password" value={password} onValueChange={setPassword} errors={errors.password} />
      <TextField
        label="Organisation name (optional)"
        name="organizationName"
        value={organizationName}
        onValueChange={setOrganizationName}
        errors={errors.organizationName}
        hint={name.trim() ? `Leave empty for “${name.trim()}'s organisation”.` : "You can rename it later."}
        autoComplete="organization"
        maxLength={ORGANIZATION_NAME_MAX_LENGTH}
      />
      <SubmitButton wide pending={pending} pendingLabel="Creating your account…">
        Start 14-day free trial
      </SubmitButton>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href="/sign-in" className="font-medium text-slate-900 underline">
          Sign in
        </Link>
      </p>
    </form>
  );
}
