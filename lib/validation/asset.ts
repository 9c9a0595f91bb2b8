import { z } from "zod";
import { parseAssetTarget } from "@/lib/assets/parse-asset-target";
import { MAX_LABEL_LENGTH } from "@/lib/assets/limits";
import { PLAIN_TEXT, plainTextMessage } from "./plain-text";

/**
 * Asset input, defined once for the add form, the server actions and the REST API / OpenAPI. The
 * target is normalised here, so everything downstream sees { kind, value } already canonical.
 */
export const assetTargetSchema = z
  .string({ error: "Enter a domain name, like example.com, or an IP address." })
  .transform((raw, ctx) => {
    const parsed = parseAssetTarget(raw);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  })
  .meta({
    description: "A domain name (example.com, IDN allowed) or a single IPv4/IPv6 address.",
    examples: ["example.com"],
  });

export { MAX_LABEL_LENGTH };

/** Optional human label; blank means "no label". */
export const assetLabelSchema = z
  .string({ error: "A label must be text." })
  .trim()
  .max(MAX_LABEL_LENGTH, `A label can be at most ${MAX_LABEL_LENGTH} characters.`)
  .regex(PLAIN_TEXT, plainTextMessage("A label"))
  .transform((s) => (s === "" ? null : s));

export const assetIdSchema = z
  .string({ error: "Choose an asset." })
  .trim()
  .min(1, "Choose an asset.")
  .max(64, "That asset id is not valid.");

export const addAssetSchema = z.object({
  value: assetTargetSchema,
  label: assetLabelSchema.optional(),
});

export const labelAssetSchema = z.object({
  assetId: assetIdSchema,
  label: assetLabelSchema,
});

/** The REST API's relabel body: the label alone (null or blank clears it). */
export const relabelAssetSchema = z.object({
  label: z.preprocess((v) => (v === null ? "" : v), assetLabelSchema),
});

export const deleteAssetSchema = z.object({
  assetId: assetIdSchema,
});

export const scanAssetSchema = z.object({
  assetId: assetIdSchema,
});

export const verifyAssetSchema = z.object({
  assetId: assetIdSchema,
});

export type AddAssetInput = z.infer<typeof addAssetSchema>;
export type LabelAssetInput = z.infer<typeof labelAssetSchema>;
