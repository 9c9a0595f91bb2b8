import type { NextRequest } from "next/server";
import type { z } from "zod";
import { parseInput } from "@/lib/actions/parse-input";
import { AppError } from "@/lib/errors";

/** A request body larger than this is refused unread: every API body is a few short fields. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * The JSON body of an API request, validated with the same schema (and messages) as the form that
 * does the same thing; a missing or malformed body is a 400 naming `body`.
 */
export async function readJsonBody<S extends z.ZodType>(req: NextRequest, schema: S): Promise<z.infer<S>> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    const message = "The request body must be a JSON object, sent with Content-Type: application/json.";
    throw new AppError("invalid_input", message, { body: [message] });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    const message = "The request body must be a JSON object.";
    throw new AppError("invalid_input", message, { body: [message] });
  }
  return parseInput(schema, body);
}

/** The query string validated with `schema`; each invalid parameter is named in `fieldErrors`. */
export function readQuery<S extends z.ZodType>(req: NextRequest, schema: S): z.infer<S> {
  return parseInput(schema, Object.fromEntries(req.nextUrl.searchParams));
}

function tooLarge() {
  return new AppError("payload_too_large", `The request body can be at most ${MAX_BODY_BYTES / 1024} KB.`);
}
