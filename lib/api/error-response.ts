import { NextResponse } from "next/server";
import { ERROR_STATUS, toPublicError } from "@/lib/errors";

/**
 * The one JSON error shape of every route handler: `{ "error": { "code", "message", "fieldErrors"? } }`,
 * the status from lib/errors.ts. Unknown errors are logged and answered with a generic message.
 */
export function errorResponse(error: unknown, headers?: HeadersInit): NextResponse {
  const e = toPublicError(error);
  return NextResponse.json(
    { error: { code: e.code, message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) } },
    { status: ERROR_STATUS[e.code], headers },
  );
}
