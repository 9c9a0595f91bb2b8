import type { ActionState } from "@/lib/actions/result";

export function fieldErrorsOf(state: ActionState<unknown>): Record<string, string[]> {
  return state?.error ? (state.fieldErrors ?? {}) : {};
}
