"use client";

import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/validation/auth";
import { TextField } from "./text-field";

/** A password being chosen (sign-up, reset): the policy's bounds and the hint that explains them. */
export function NewPasswordField({
  label,
  value,
  onValueChange,
  errors,
}: {
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  errors?: string[];
}) {
  return (
    <TextField
      label={label}
      name="password"
      type="password"
      value={value}
      onValueChange={onValueChange}
      errors={errors}
      hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong, memorable password.`}
      autoComplete="new-password"
      required
      minLength={PASSWORD_MIN_LENGTH}
      maxLength={PASSWORD_MAX_LENGTH}
    />
  );
}
