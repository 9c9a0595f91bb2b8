import type { ErrorCode } from "@/lib/errors";

/** What every server action returns to its form: a message to show, never a thrown error. */
export type ActionResult<T = undefined> =
  | { success: string; data?: T; error?: undefined }
  | { error: string; code: ErrorCode; fieldErrors?: Record<string, string[]>; success?: undefined };

export type ActionState<T = undefined> = ActionResult<T> | undefined;
