/**
 * Expected failures, each with a code that maps to one HTTP status in one place. Their messages are
 * written for the user. Anything else is an unknown error: logged, never shown.
 */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  plan_limit: 402,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "That item") => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message = "Your role does not allow this action.") => new AppError("forbidden", message);
export const unauthenticated = () => new AppError("unauthenticated", "Please sign in to continue.");

const GENERIC_MESSAGE = "Something went wrong on our side. Nothing was changed; please try again.";

/** What a caller may see of any thrown value: AppErrors as they are, everything else generic. */
export function toPublicError(error: unknown): {
  code: ErrorCode;
  message: string;
  fieldErrors?: Record<string, string[]>;
} {
  if (error instanceof AppError) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  console.error("[portwatch] unexpected error", error);
  return { code: "internal", message: GENERIC_MESSAGE };
}
