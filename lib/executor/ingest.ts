import { z } from "zod";
import { seededEventId, ulid } from "./ids";
import type { InngestEvent } from "./runs";
import { json, type Db } from "./store";

/** Validating and storing events sent to POST /e/:eventKey. */
const eventSchema = z.object({
  name: z.string().trim().min(1, "event name is required").max(256),
  data: z.record(z.string(), z.unknown()).nullish(),
  id: z.string().min(1).max(256).nullish(),
  ts: z.number().int().positive().nullish(),
  user: z.record(z.string(), z.unknown()).nullish(),
  v: z.string().max(128).nullish(),
});

export const MAX_EVENTS_PER_REQUEST = 5000;

export class EventValidationError extends Error {}

export function parseEvents(body: unknown, seed: string | null, now = Date.now()): InngestEvent[] {
  const list = Array.isArray(body) ? body : [body];
  if (!list.length) throw new EventValidationError("No events in the request");
  if (list.length > MAX_EVENTS_PER_REQUEST)
    throw new EventValidationError(`At most ${MAX_EVENTS_PER_REQUEST} events per request`);
  return list.map((raw, index) => {
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new EventValidationError(
        `Event ${index}: ${issue ? `${issue.path.join(".") || "event"} ${issue.message}` : "invalid"}`,
      );
    }
    const e = parsed.data;
    const event: InngestEvent = {
      id: e.id ?? (seed ? seededEventId(seed, index) : null) ?? ulid(now),
      name: e.name,
      data: e.data ?? {},
      ts: e.ts ?? now,
    };
    if (e.user) event.user = e.user;
    if (e.v) event.v = e.v;
    return event;
  });
}

/** Stores events for dispatch. An id seen before is not stored again, so it triggers nothing twice. */
export async function storeEvents(db: Db, events: InngestEvent[]): Promise<string[]> {
  await db.executorEvent.createMany({
    data: events.map((e) => ({ id: e.id, name: e.name, payload: json(e) as object })),
    skipDuplicates: true,
  });
  return events.map((e) => e.id);
}
