import { z } from "zod";
import type { Severity } from "@/lib/grading";
import { SEVERITIES } from "./severity";

/**
 * One graded finding as a GradeSnapshot stores it (lib/grading GradedFinding, serialised to JSON).
 * Read leniently: snapshots are history, written by earlier versions (the address was `host` before
 * it became `ip`), and a snapshot that does not parse is skipped rather than breaking a page.
 */
const storedFinding = z.object({
  finding: z.object({
    ip: z.string().optional(),
    host: z.string().optional(),
    port: z.number(),
    protocol: z.string(),
    typicalService: z.string().nullable().optional(),
    detectedService: z.string().nullable().optional(),
    pendingClassification: z.boolean().optional(),
    product: z.string().nullable().optional(),
    version: z.string().nullable().optional(),
    firstSeen: z.string().optional(),
  }),
  ruleId: z.string(),
  severity: z.enum(SEVERITIES),
  reason: z.string(),
  deduction: z.number(),
  rawDeduction: z.number(),
  weight: z.number(),
  basis: z.string().optional(),
  adjustments: z.array(z.object({ kind: z.string(), points: z.number(), note: z.string() })).optional(),
});

export interface SnapshotFinding {
  ip: string;
  port: number;
  protocol: "tcp" | "udp";
  typicalService: string | null;
  detectedService: string | null;
  pendingClassification: boolean;
  product: string | null;
  version: string | null;
  firstSeen: string | null;
  ruleId: string;
  severity: Severity;
  reason: string;
  /** Points taken off the score by this finding (after diminishing returns). */
  deduction: number;
  /** Points before diminishing returns. */
  rawDeduction: number;
  weight: number;
  adjustments: { kind: string; points: number; note: string }[];
}

export function readSnapshotFinding(value: unknown): SnapshotFinding | null {
  const parsed = storedFinding.safeParse(value);
  if (!parsed.success) return null;
  const { finding: f, ...graded } = parsed.data;
  const ip = f.ip ?? f.host;
  if (ip === undefined) return null;
  return {
    ip,
    port: f.port,
    protocol: f.protocol.toLowerCase() === "udp" ? "udp" : "tcp",
    typicalService: f.typicalService ?? null,
    detectedService: f.detectedService ?? null,
    pendingClassification: f.pendingClassification ?? false,
    product: f.product ?? null,
    version: f.version ?? null,
    firstSeen: f.firstSeen ?? null,
    ruleId: graded.ruleId,
    severity: graded.severity,
    reason: graded.reason,
    deduction: graded.deduction,
    rawDeduction: graded.rawDeduction,
    weight: graded.weight,
    adjustments: graded.adjustments ?? [],
  };
}

/** Key joining a snapshot finding to a port interval: address, port and protocol. */
export function findingKey(ip: string, port: number, protocol: string): string {
  return `${ip}|${port}/${protocol.toLowerCase()}`;
}
