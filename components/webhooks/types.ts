import type { ActionResult, ActionState } from "@/lib/actions/result";

export type WebhookAction<T = undefined> = (prev: ActionState<T>, input: FormData) => Promise<ActionResult<T>>;

/** What the endpoint form edits. */
export interface EndpointFields {
  url: string;
  description: string;
  eventTypes: string[];
  format: "STANDARD" | "SLACK";
}
