import type { Severity } from "@/lib/grading";
import type { TlsInfo } from "@/lib/scanner";

/** One open port of the organisation as the findings page, its export, the API and reports show it. */
export interface FindingRow {
  id: string;
  assetId: string;
  assetValue: string;
  assetLabel: string | null;
  hostId: string;
  ip: string;
  hostname: string;
  port: number;
  protocol: "tcp" | "udp";
  state: string;
  typicalService: string | null;
  pendingClassification: boolean;
  detectedService: string | null;
  product: string | null;
  version: string | null;
  /** Typical and detected both known and of different families. */
  serviceMismatch: boolean;
  /** Null when the method does not grade the port (silent UDP, catch-all host) or it is not graded yet. */
  severity: Severity | null;
  contribution: number | null;
  ruleId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** The evidence the export adds to each row. */
export interface FindingEvidence {
  banner: string | null;
  tls: TlsInfo | null;
}
