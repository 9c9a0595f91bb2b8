import { z } from "zod";

/**
 * What the scanner observed about a service's behaviour (lib/scanner/types.ts ServiceFacts), validated
 * where it crosses a boundary. Records written before a fact existed simply lack it.
 */
export const serviceFactsSchema = z.object({
  redirectsToHttps: z.boolean().optional(),
  recursionAvailable: z.boolean().optional(),
});
