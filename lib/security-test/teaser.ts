import { z } from "zod";

/**
 * What a visitor of the public security test is shown, and all that is kept of the scan: no addresses,
 * port numbers, banners, products or versions — those are for the customer who monitors the domain.
 */
export const riskyClassSchema = z.object({
  serviceClass: z.string(),
  title: z.string(),
  severity: z.enum(["critical", "high", "medium", "low", "info"]),
  /** Open ports of this class on the main address. */
  ports: z.number().int().nonnegative(),
});

export const teaserSchema = z.object({
  grade: z.enum(["A", "B", "C", "D", "F"]),
  score: z.number().int().min(0).max(100),
  openPorts: z.number().int().nonnegative(),
  /** Worst first, at most MAX_RISKY_CLASSES, informational classes left out. */
  riskiestClasses: z.array(riskyClassSchema),
});

export type RiskyClass = z.infer<typeof riskyClassSchema>;
export type SecurityTestTeaser = z.infer<typeof teaserSchema>;

export const MAX_RISKY_CLASSES = 3;
