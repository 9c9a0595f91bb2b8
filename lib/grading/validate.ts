/** Input checks: bad input is refused with a message naming the offending field, never half-graded. */
import { z } from "zod";
import { observedPortSchema } from "@/lib/scanner/observed-service";
import type { AssetScoreInput, GradingInput, GradingOptions } from "./types";

export class GradingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GradingInputError";
  }
}

const ip = observedPortSchema.shape.ip;

const findingSchema = observedPortSchema.extend({ firstSeen: z.date().optional() });

const inputSchema = z.object({
  findings: z.array(findingSchema),
  catchAllHosts: z.array(ip).optional(),
});

const optionsSchema = z.object({ asOf: z.date().refine((d) => !Number.isNaN(d.getTime()), "invalid date") });

const assetScoresSchema = z.array(z.object({ id: z.string().min(1), score: z.int().min(0).max(100) }));

function check(schema: z.ZodType, value: unknown, what: string): void {
  const result = schema.safeParse(value);
  if (!result.success) throw new GradingInputError(`Invalid ${what}: ${z.prettifyError(result.error)}`);
}

// Assertions rather than parsed copies: graded findings hand back the caller's own objects.
export function assertGradingInput(value: unknown): asserts value is GradingInput {
  check(inputSchema, value, "grading input");
}

export function assertGradingOptions(value: unknown): asserts value is GradingOptions {
  check(optionsSchema, value, "grading options");
}

export function assertAssetScores(value: unknown): asserts value is AssetScoreInput[] {
  check(assetScoresSchema, value, "asset scores");
}
