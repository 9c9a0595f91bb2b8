import type { AlertKind, Severity } from "@/lib/generated/prisma/enums";

/**
 * One alert as it is stored (Alert.data), mailed and sent to webhooks: where (asset, host, port), what
 * (typical and detected service), the evidence, the remediation and a link to the finding.
 */
export interface AlertData {
  kind: AlertKind;
  severity: Severity;
  assetId: string;
  assetValue: string;
  ip: string | null;
  port: number | null;
  protocol: "tcp" | "udp" | null;
  typicalService: string | null;
  pendingClassification: boolean;
  detectedService: string | null;
  product: string | null;
  version: string | null;
  /** For a changed service: what answered before. */
  previousService: string | null;
  /** What the scan saw: banner excerpt, certificate, grade. */
  evidence: string[];
  remediation: { title: string; fix: string } | null;
  /** The asset's grade before and after the scan, when it moved. */
  grade: { before: string | null; after: string } | null;
  findingUrl: string;
  detectedAt: string;
}

export interface StoredAlert {
  id: string;
  severity: Severity;
  createdAt: Date;
  data: AlertData;
}
