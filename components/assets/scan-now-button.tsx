"use client";

import type { ActionResult, ActionState } from "@/lib/actions/result";
import { InlineError } from "@/components/forms/form-status";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";

type ScanAction = (
  prev: ActionState<{ scanRunId: string }>,
  input: FormData,
) => Promise<ActionResult<{ scanRunId: string }>>;

export function ScanNowButton({
  organizationId,
  assetId,
  value,
  action,
}: {
  organizationId: string;
  assetId: string;
  value: string;
  action: ScanAction;
}) {
  const [state, formAction, pending] = useRefreshingAction(action);
  return (
    <form action={formAction}>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="assetId" value={assetId} />
      <button
        type="submit"
        disabled={pending}
        aria-label={`Scan ${value} now`}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
      >
        {pending ? "Starting…" : "Scan now"}
      </button>
      <InlineError state={state} />
    </form>
  );
}
