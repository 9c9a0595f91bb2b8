"use client";

import { useState } from "react";
import type { ActionResult, ActionState } from "@/lib/actions/result";
import { MAX_LABEL_LENGTH } from "@/lib/assets/limits";
import { linkButton, primaryButton, secondaryButton } from "@/components/forms/buttons";
import { fieldErrorsOf } from "@/components/forms/form-status";
import { TextField } from "@/components/forms/text-field";
import { useRefreshingAction } from "@/components/forms/use-refreshing-action";

type LabelAction = (prev: ActionState, input: FormData) => Promise<ActionResult>;

export function LabelEditor({
  organizationId,
  assetId,
  assetValue,
  label,
  action,
}: {
  organizationId: string;
  assetId: string;
  assetValue: string;
  label: string | null;
  action: LabelAction;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(label ?? "");
  const [state, formAction, pending] = useRefreshingAction(action, { onSuccess: () => setEditing(false) });

  if (!editing) {
    return (
      <span className="inline-flex items-center gap-2">
        <span className={label ? "" : "text-slate-400"}>{label ?? "—"}</span>
        <button
          type="button"
          className={linkButton}
          aria-describedby={`asset-value-${assetId}`}
          onClick={() => {
            setDraft(label ?? "");
            setEditing(true);
          }}
        >
          {label ? "Edit" : "Set label"}
        </button>
      </span>
    );
  }
  const errors = fieldErrorsOf(state).label ?? (state?.error !== undefined ? [state.error] : undefined);
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="organizationId" value={organizationId} />
      <input type="hidden" name="assetId" value={assetId} />
      <TextField
        label={`Label for ${assetValue}`}
        hideLabel
        className="min-w-40 flex-1"
        name="label"
        value={draft}
        onValueChange={setDraft}
        errors={errors}
        maxLength={MAX_LABEL_LENGTH}
        autoFocus
      />
      <button type="submit" className={primaryButton} disabled={pending}>
        Save
      </button>
      <button type="button" className={secondaryButton} onClick={() => setEditing(false)} disabled={pending}>
        Cancel
      </button>
    </form>
  );
}
