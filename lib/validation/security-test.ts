import { z } from "zod";
import { assetTargetSchema } from "./asset";
import { signUpSchema } from "./auth";

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

/**
 * Sign-up with the domain carried from the test's result (hidden field `firstAsset`), read as the asset
 * form reads it. Apart from lib/validation/auth.ts, whose limits the client forms import: the domain
 * parser is server-side code.
 */
export const signUpCarryingDomainSchema = signUpSchema.extend({
  firstAsset: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    assetTargetSchema.transform((target) => target.value).optional(),
  ),
});

export type SignUpCarryingDomainInput = z.infer<typeof signUpCarryingDomainSchema>;
