import type { ActionState } from "@/lib/actions/result";

/** The form's overall outcome, announced to screen readers as it appears. */
export function FormAlert({ state }: { state: ActionState<unknown> }) {
  if (!state) return null;
  if (state.error) {
    return (
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.error}
      </div>
    );
  }
  return (
    <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
      {state.success}
    </div>
  );
}
