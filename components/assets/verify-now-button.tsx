"use client";

import type { ActionResult, ActionState } from "@/lib/actions/result";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";

type Action = (prev: ActionState, input: FormData) => Promise<ActionResult>;

export function VerifyNowButton({
  organizationId,
  assetId,
  value,
  action,
}: {
  organizationId: string;
  assetId: string;
  value: string;
  action: Action;
}) {
  const [state, formAction, pending] = useRefreshingAction(action);
  return (
    <form action={formAction}>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="assetId" value={assetId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Verify ownership of ${value} now`}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
      >
        {pending ? "Checking…" : "Verify now"}
      </button>
      <p role="status" className={`mt-1 text-xs ${state?.error !== undefined ? "text-red-700" : "text-emerald-800"}`}>
        {state?.error ?? state?.success ?? ""}
      </p>
    </form>
  );
}
