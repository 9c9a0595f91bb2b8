import { appUrl } from "@/lib/auth/app-url";
import { db } from "@/lib/db/client";
import type { Prisma, PortInterval } from "@/lib/generated/prisma/client";
import type { ExposureChangeKind, Severity } from "@/lib/generated/prisma/enums";
import { remediationFor } from "@/lib/remediation";
import type { TlsInfo } from "@/lib/scanner";
import { isBaselineScan } from "@/lib/scan-runs/is-baseline-scan";
import { protocolOfTransport } from "@/lib/scan-runs/observed-port-of-interval";
import type { AlertData, StoredAlert } from "./alert-data";

/** A certificate expiring within this many days is alerted (once per certificate). */
export const CERTIFICATE_WARNING_DAYS = 14;
const GRADE_ORDER = ["A", "B", "C", "D", "F"];
/** Ports below these severities are not alerted as "opened" (members pick among critical … low). */
const ALERTED_SEVERITIES: Severity[] = ["critical", "high", "medium", "low"];

type Interval = PortInterval & { host: { ip: string } };

interface Candidate {
  dedupeKey: string;
  data: AlertData;
}

function portKey(ip: string, port: number, protocol: string): string {
  return `${ip} ${port} ${protocol}`;
}

function evidenceOf(interval: Interval): string[] {
  const out: string[] = [];
  if (interval.product) out.push(`Answered as ${[interval.product, interval.version].filter(Boolean).join(" ")}`);
  if (interval.banner) out.push(`Banner: ${interval.banner.replace(/\s+/g, " ").slice(0, 200)}`);
  const tls = interval.tls as TlsInfo | null;
  if (tls?.subject) out.push(`TLS certificate ${tls.subject}, valid until ${tls.validTo ?? "unknown"}`);
  out.push(`First seen ${interval.firstSeenAt.toISOString()}, last seen ${interval.lastSeenAt.toISOString()}`);
  return out;
}

function portAlert(
  interval: Interval,
  base: { assetId: string; assetValue: string; detectedAt: Date },
  kind: AlertData["kind"],
  severity: Severity,
  extra: Partial<AlertData> = {},
): AlertData {
  const protocol = protocolOfTransport(interval.protocol);
  const remediation = remediationFor(interval.ruleId, { ip: interval.host.ip, port: interval.port, protocol });
  return {
    kind,
    severity,
    assetId: base.assetId,
    assetValue: base.assetValue,
    ip: interval.host.ip,
    port: interval.port,
    protocol,
    typicalService: interval.typicalService,
    pendingClassification: interval.pendingClassification,
    detectedService: interval.detectedService,
    product: interval.product,
    version: interval.version,
    previousService: null,
    evidence: evidenceOf(interval),
    remediation: { title: remediation.title, fix: remediation.fix[0] ?? remediation.meaning },
    grade: null,
    findingUrl: appUrl(`/assets/${base.assetId}`),
    detectedAt: base.detectedAt.toISOString(),
    ...extra,
  };
}

/**
 * Works out what a graded scan should alert about and stores each alert once (a retried step finds
 * them by their dedupe key): newly opened ports (confirmed by a second consecutive scan when the
 * organisation asks for it, never on the asset's first scan), a changed service on a critical port,
 * expired or soon expiring TLS certificates, and a drop of the asset's grade. Returns the scan's alerts.
 */
export async function recordScanAlerts(
  organizationId: string,
  input: { assetId: string; scanRunId: string; now: Date },
): Promise<StoredAlert[]> {
  const [asset, org, run] = await Promise.all([
    db.asset.findFirst({ where: { id: input.assetId, organizationId, deletedAt: null }, select: { value: true } }),
    db.organization.findUnique({ where: { id: organizationId }, select: { confirmOpenedPorts: true } }),
    db.scanRun.findFirst({ where: { id: input.scanRunId, organizationId }, select: { createdAt: true } }),
  ]);
  if (!asset || !org || !run) return [];
  const base = { assetId: input.assetId, assetValue: asset.value, detectedAt: input.now };

  const open = await db.portInterval.findMany({
    where: { organizationId, assetId: input.assetId, closedAt: null },
    include: { host: { select: { ip: true } } },
  });
  const openByPort = new Map(open.map((i) => [portKey(i.host.ip, i.port, i.protocol), i]));
  const changesOf = async (scanRunId: string, kind: ExposureChangeKind) =>
    db.exposureChange.findMany({
      where: { organizationId, scanRunId, kind },
      orderBy: [{ hostIp: "asc" }, { port: "asc" }],
    });

  const candidates: Candidate[] = [];

  // Newly opened ports. With confirmation, the openings of the previous scan still open now.
  const previousRun = await db.scanRun.findFirst({
    where: { organizationId, assetId: input.assetId, status: "COMPLETED", createdAt: { lt: run.createdAt } },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  const openingRun = org.confirmOpenedPorts ? previousRun?.id : input.scanRunId;
  if (openingRun && !(await isBaselineScan(organizationId, { assetId: input.assetId, scanRunId: openingRun }))) {
    for (const change of await changesOf(openingRun, "PORT_OPENED")) {
      const interval = openByPort.get(portKey(change.hostIp, change.port, change.protocol));
      if (!interval?.severity || !ALERTED_SEVERITIES.includes(interval.severity)) continue;
      candidates.push({
        dedupeKey: `opened:${change.id}`,
        data: portAlert(interval, base, "PORT_OPENED", interval.severity),
      });
    }
  }

  // A different service now answers on a critical port.
  for (const change of await changesOf(input.scanRunId, "SERVICE_CHANGED")) {
    const interval = openByPort.get(portKey(change.hostIp, change.port, change.protocol));
    if (interval?.severity !== "critical") continue;
    const before = (change.before ?? null) as { detectedService?: string | null; product?: string | null } | null;
    candidates.push({
      dedupeKey: `changed:${change.id}`,
      data: portAlert(interval, base, "SERVICE_CHANGED", "critical", {
        previousService: before?.detectedService ?? before?.product ?? null,
      }),
    });
  }

  // Certificates: once per certificate and state.
  for (const interval of open) {
    const tls = interval.tls as TlsInfo | null;
    if (!tls?.validTo) continue;
    const validTo = new Date(tls.validTo);
    if (Number.isNaN(validTo.getTime())) continue;
    const expired = validTo <= input.now;
    const expiring = validTo.getTime() - input.now.getTime() < CERTIFICATE_WARNING_DAYS * 24 * 3600 * 1000;
    if (!expired && !expiring) continue;
    const kind = expired ? "TLS_EXPIRED" : "TLS_EXPIRING";
    candidates.push({
      dedupeKey: `${kind}:${interval.hostId}:${interval.port}:${tls.validTo}`,
      data: portAlert(interval, base, kind, expired ? "high" : "medium"),
    });
  }

  // The asset's grade dropped with this scan.
  const snapshots = await db.gradeSnapshot.findMany({
    where: { organizationId, assetId: input.assetId },
    orderBy: { createdAt: "desc" },
    take: 2,
    select: { grade: true, scanRunId: true },
  });
  const [current, previous] = snapshots;
  if (
    current?.scanRunId === input.scanRunId &&
    previous &&
    GRADE_ORDER.indexOf(current.grade) > GRADE_ORDER.indexOf(previous.grade)
  ) {
    candidates.push({
      dedupeKey: `grade:${input.scanRunId}`,
      data: {
        kind: "GRADE_DROPPED",
        severity: "high",
        assetId: input.assetId,
        assetValue: asset.value,
        ip: null,
        port: null,
        protocol: null,
        typicalService: null,
        pendingClassification: false,
        detectedService: null,
        product: null,
        version: null,
        previousService: null,
        evidence: [`Grade ${previous.grade} → ${current.grade} after this scan`],
        remediation: null,
        grade: { before: previous.grade, after: current.grade },
        findingUrl: appUrl(`/assets/${input.assetId}`),
        detectedAt: input.now.toISOString(),
      },
    });
  }

  // The grade move belongs in every port alert of the scan too (the subject names it).
  const drop = candidates.find((c) => c.data.kind === "GRADE_DROPPED")?.data.grade ?? null;
  if (drop) for (const c of candidates) c.data.grade = drop;

  for (const c of candidates) {
    await db.alert.upsert({
      where: { organizationId_dedupeKey: { organizationId, dedupeKey: c.dedupeKey } },
      create: {
        organizationId,
        assetId: input.assetId,
        scanRunId: input.scanRunId,
        kind: c.data.kind,
        severity: c.data.severity,
        dedupeKey: c.dedupeKey,
        data: c.data as unknown as Prisma.InputJsonValue,
      },
      update: {},
    });
  }
  return listScanAlerts(organizationId, input.scanRunId);
}

/** The alerts stored for a scan run, worst first. */
export async function listScanAlerts(organizationId: string, scanRunId: string): Promise<StoredAlert[]> {
  const rows = await db.alert.findMany({
    where: { organizationId, scanRunId },
    orderBy: [{ severity: "asc" }, { createdAt: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    severity: r.severity,
    createdAt: r.createdAt,
    data: r.data as unknown as AlertData,
  }));
}
