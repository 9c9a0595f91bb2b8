import { z } from "zod";

/**
 * Open ports that share a typical service, a detected service and the Pending classification flag, as
 * the organisation's daily rollup keeps them (OrganizationDailyRollup.services): the typical-versus-
 * detected chart is drawn from these few groups, never from every open port.
 */
export interface ServiceCount {
  typical: string | null;
  detected: string | null;
  pending: boolean;
  ports: number;
}

const serviceCounts = z.array(
  z.object({
    typical: z.string().nullable(),
    detected: z.string().nullable(),
    pending: z.boolean(),
    ports: z.number().int().nonnegative(),
  }),
);

/** The stored groups; a row that does not parse (written by a future version, edited by hand) reads as none. */
export function readServiceCounts(value: unknown): ServiceCount[] {
  const parsed = serviceCounts.safeParse(value);
  return parsed.success ? parsed.data : [];
}
