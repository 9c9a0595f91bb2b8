import { z } from "zod";
import type { SerializedError } from "./runs";

/** Parsing what the SDK answers to a call request. */
export const opSchema = z
  .object({
    id: z.string().min(1).max(512),
    op: z.string().min(1),
    name: z.string().nullish(),
    displayName: z.string().nullish(),
    data: z.unknown().optional(),
    error: z.unknown().optional(),
    opts: z.record(z.string(), z.unknown()).nullish(),
  })
  .passthrough();

export type Op = z.infer<typeof opSchema>;

export function parseOps(body: string): Op[] {
  const parsed: unknown = JSON.parse(body);
  const list = Array.isArray(parsed) ? parsed : [parsed];
  return list.map((item) => opSchema.parse(item));
}

export function parseJson(body: string): unknown {
  if (!body) return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** Normalises whatever the SDK sent as an error into { name, message, stack? }. */
export function toSerializedError(value: unknown, fallback = "Unknown error"): SerializedError {
  if (value && typeof value === "object") {
    const v = value as Record<string, unknown>;
    const message = typeof v.message === "string" ? v.message : typeof v.error === "string" ? v.error : fallback;
    const out: SerializedError = { name: typeof v.name === "string" && v.name ? v.name : "Error", message };
    if (typeof v.stack === "string") out.stack = v.stack;
    return out;
  }
  if (typeof value === "string" && value) return { name: "Error", message: value.slice(0, 2000) };
  return { name: "Error", message: fallback };
}
