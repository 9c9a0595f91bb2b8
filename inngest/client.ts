import { Inngest } from "inngest";

/**
 * The one Inngest client. Where it sends events and who may call its functions comes from the
 * environment, read by the SDK itself: INNGEST_EVENT_KEY / INNGEST_SIGNING_KEY for Inngest Cloud,
 * plus INNGEST_BASE_URL for a self-hosted Inngest or the local executor (docs/executor.md).
 * Requests are always signed and verified: this client never runs in unsigned dev mode.
 */
export const inngest = new Inngest({ id: "portwatch" });
