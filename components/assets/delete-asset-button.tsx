"use client";

import type { ActionResult, ActionState } from "@/lib/actions/result";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { InlineError } from "@/components/forms/form-status";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";

type DeleteAction = (prev: ActionState, input: FormData) => Promise<ActionResult>;

export function DeleteAssetButton({
  organizationId,
  assetId,
  value,
  action,
}: {
  organizationId: string;
  assetId: string;
  value: string;
  action: DeleteAction;
}) {
  const [state, formAction, pending] = useRefreshingAction(action);
  return (
    <form action={formAction}>
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="assetId" value={assetId} />
      <ConfirmButton label="Delete" question={`Stop monitoring ${value}?`} confirmLabel="Delete" pending={pending} />
      <InlineError state={state} />
    </form>
  );
}
