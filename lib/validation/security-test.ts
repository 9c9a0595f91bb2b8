import { z } from "zod";
import { assetTargetSchema } from "./asset";

export const DOMAIN_ONLY_MESSAGE =
  "Enter a domain name, like example.com — the security test checks domains, not IP addresses.";

/**
 * The public security test's form: the domain, read exactly as the asset form reads it (same
 * normalisation, same messages), and the proof-of-work payload of the ALTCHA widget, checked by
 * lib/security-test/challenge.ts.
 */
export const securityTestSchema = z.object({
  domain: assetTargetSchema
    .refine((target) => target.kind === "DOMAIN", DOMAIN_ONLY_MESSAGE)
    .transform((target) => target.value),
  altcha: z.string().max(8000).optional(),
});

export type SecurityTestInput = z.infer<typeof securityTestSchema>;
