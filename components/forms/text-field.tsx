"use client";

import { useId } from "react";
import { textInput } from "./buttons";

interface TextFieldProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange"> {
  label: React.ReactNode;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  errors?: string[];
  hint?: string;
  /** Keeps the label for screen readers only (a field inside a table row). */
  hideLabel?: boolean;
  /** Classes for the wrapper (grid placement, width). */
  className?: string;
}

/** The one labelled input of every form: its hint and errors are announced with it (aria-describedby). */
export function TextField({
  label,
  name,
  value,
  onValueChange,
  errors,
  hint,
  hideLabel = false,
  className,
  ...input
}: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <input
        id={id}
        name={name}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={hideLabel ? textInput : `mt-1 ${textInput}`}
        {...input}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {invalid && (
        <p id={errorId} className="mt-1 text-sm text-red-700">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
