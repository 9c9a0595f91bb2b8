import type { ActionState } from "@/lib/actions/result";

/** The outcome of a form, announced to screen readers as it appears. */
export function FormStatus({ state, className = "" }: { state: ActionState<unknown>; className?: string }) {
  if (!state) return null;
  if (state.error !== undefined) {
    return (
      <p
        role="alert"
        className={`rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 ${className}`}
      >
        {state.error}
      </p>
    );
  }
  return (
    <p
      role="status"
      className={`rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ${className}`}
    >
      {state.success}
    </p>
  );
}

/** The per-field messages of a refused form, by field name (empty after a success). */
export function fieldErrorsOf(state: ActionState<unknown>): Record<string, string[] | undefined> {
  return state?.error !== undefined ? (state.fieldErrors ?? {}) : {};
}

/** A refused row action's message, small and next to its button (table rows have no room for FormStatus). */
export function InlineError({ state, className = "" }: { state: ActionState<unknown>; className?: string }) {
  if (state?.error === undefined) return null;
  return (
    <p role="alert" className={`mt-1 text-xs text-red-700 ${className}`}>
      {state.error}
    </p>
  );
}
