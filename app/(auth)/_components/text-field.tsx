"use client";

import { useId } from "react";

interface TextFieldProps extends Omit<React.InputHTMLAttributes<HTMLInputElement>, "id" | "value" | "onChange"> {
  label: string;
  name: string;
  value: string;
  onValueChange: (value: string) => void;
  errors?: string[];
  hint?: string;
}

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function TextField({ label, name, value, onValueChange, errors, hint, ...input }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        value={value}
        onChange={(e) => onValueChange(e.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-md border px-3 py-2 text-slate-900 shadow-sm outline-none focus:ring-2 ${
          invalid ? "border-red-500 focus:border-red-500 focus:ring-red-200" : "border-slate-300 focus:border-slate-500 focus:ring-slate-200"
        }`}
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
