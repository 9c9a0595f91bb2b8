import { z } from "zod";
import { AppError } from "@/lib/errors";

/** Any single form field beyond this is refused before validation even starts. */
const MAX_FIELD_CHARS = 10_000;

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    if (typeof value !== "string") throw new AppError("invalid_input", `The field "${key}" must be text.`);
    if (value.length > MAX_FIELD_CHARS) throw new AppError("payload_too_large", `The field "${key}" is too long.`);
    out[key] = value;
  }
  return out;
}

/** Validates a FormData or plain object with a zod schema; failures become a readable AppError. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const input = raw instanceof FormData ? formDataToObject(raw) : raw;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = parsed.error.issues[0];
  throw new AppError("invalid_input", first ? first.message : "The form is not valid.", fieldErrors);
}
