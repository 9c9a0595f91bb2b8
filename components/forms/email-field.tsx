"use client";

import { EMAIL_MAX_LENGTH } from "@/lib/validation/auth";
import { TextField } from "./text-field";

/** The email address field of every auth form: one place for its type, bounds and autofill hint. */
export function EmailField({
  label = "Email",
  value,
  onValueChange,
  errors,
  autoComplete = "email",
}: {
  label?: string;
  value: string;
  onValueChange: (value: string) => void;
  errors?: string[];
  /** "username" on sign-in, so password managers pair it with the stored password. */
  autoComplete?: "email" | "username";
}) {
  return (
    <TextField
      label={label}
      name="email"
      type="email"
      value={value}
      onValueChange={onValueChange}
      errors={errors}
      autoComplete={autoComplete}
      required
      maxLength={EMAIL_MAX_LENGTH}
    />
  );
}
