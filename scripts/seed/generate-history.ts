/**
 * Generates an organisation's scan history: assets, hosts, port intervals (open now and closed),
 * scan runs, exposure changes, grades and the daily rollups — the rows the real pipeline writes,
 * graded by the real method (lib/grading). `npm run seed:demo` and `npm run bench:dashboard` both
 * call it, with different sizes. Rows only: nothing is resolved or scanned, and every host address
 * is a loopback address (127.x.y.z) under a `.test` name.
 */
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { countOpenPorts } from "@/lib/exposure-rollups/record-organization-rollup";
import { countBySeverity, type SeverityCounts } from "@/lib/exposure-rollups/severity-counts";
import { dayKey, utcDay } from "@/lib/exposure-rollups/utc-day";
import { servicesDiffer } from "@/lib/findings/service-mismatch";
import { gradeAsset, gradeOrganization, toGradingFinding, type AssetGrade } from "@/lib/grading";
import type { PortResult } from "@/lib/scanner";
import { observedService } from "@/lib/scanner";
import { serviceFingerprint } from "@/lib/scan-runs/service-fingerprint";
import { insertRows, type Cell } from "./insert-rows";
import { SERVICE_PROFILES, type ServiceProfile } from "./service-profiles";

export interface HistorySpec {
  assets: number;
  hosts: number;
  /** Intervals open now, and closed ones (the history). */
  openIntervals: number;
  closedIntervals: number;
  /** Days of organisation history (rollup rows per day), and of per-asset history. */
  orgDays: number;
  assetDays: number;
  now: Date;
  seed: number;
  /** Asset i's domain name (a `.test` name). */
  assetName: (i: number) => string;
  /** Previous epochs (port sets replaced) per host at most. */
  maxEpochs?: number;
  log?: (line: string) => void;
}

export interface HistorySummary {
  assetIds: string[];
  hosts: number;
  openIntervals: number;
  closedIntervals: number;
  grade: string;
  score: number;
}

const DAY = 86_400_000;

/** Small deterministic PRNG (mulberry32): the same seed gives the same history. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits `total` into `parts` non-negative integers that add up exactly, roughly evenly with some spread. */
function split(total: number, parts: number, rand: () => number): number[] {
  const weights = Array.from({ length: parts }, () => 0.5 + rand());
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - out.reduce((s, n) => s + n, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts, rest--) out[i]! += 1;
  return out;
}

function pickProfiles(
  count: number,
  era: "now" | "past",
  rand: () => number,
  usedPorts: Set<string>,
): { profile: ServiceProfile; port: number }[] {
  const picked: { profile: ServiceProfile; port: number }[] = [];
  const pool = SERVICE_PROFILES.filter((p) => !usedPorts.has(`${p.port}/${p.protocol}`));
  while (picked.length < count && pool.length > 0) {
    const total = pool.reduce((s, p) => s + p[era], 0);
    let r = rand() * total;
    let index = 0;
    for (; index < pool.length - 1 && r >= pool[index]![era]; index++) r -= pool[index]![era];
    const [profile] = pool.splice(index, 1);
    // One interval per port: drop the pool's other profiles on the same port.
    for (let i = pool.length - 1; i >= 0; i--)
      if (pool[i]!.port === profile!.port && pool[i]!.protocol === profile!.protocol) pool.splice(i, 1);
    picked.push({ profile: profile!, port: profile!.port });
  }
  // More ports than the catalogue holds: unidentified services on high ports.
  const pending = SERVICE_PROFILES.find((p) => p.id === "pending-high")!;
  while (picked.length < count) {
    const port = 30_000 + Math.floor(rand() * 30_000);
    if (usedPorts.has(`${port}/tcp`) || picked.some((p) => p.port === port)) continue;
    picked.push({ profile: pending, port });
  }
  return picked;
}

interface Epoch {
  startDay: number;
  endDay: number | null;
  ports: { profile: ServiceProfile; port: number }[];
}

interface HostPlan {
  id: string;
  ip: string;
  hostname: string;
  discovered: boolean;
  epochs: Epoch[];
}

/** Day index 0 = orgDays ago (midnight UTC), orgDays = today. */
function dayStart(spec: HistorySpec, day: number): Date {
  return new Date(utcDay(spec.now).getTime() - (spec.orgDays - day) * DAY);
}

function loopbackAddress(n: number): string {
  // 127.0.0.0/8 minus 127.0.0.x: 16 million addresses, never routed off the machine.
  const v = n + 256;
  return `127.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
}

export async function generateHistory(
  db: PrismaClient,
  organizationId: string,
  spec: HistorySpec,
): Promise<HistorySummary> {
  const rand = prng(spec.seed);
  const log = spec.log ?? (() => undefined);
  const tag = randomUUID().slice(0, 8);
  let idCounter = 0;
  const id = (kind: string) => `${kind}${tag}${(idCounter++).toString(36).padStart(7, "0")}`;

  const hostsPerAsset = split(spec.hosts, spec.assets, rand).map((n) => Math.max(1, n));
  const totalHosts = hostsPerAsset.reduce((s, n) => s + n, 0);
  const openPerHost = split(spec.openIntervals, totalHosts, rand);
  const closedPerHost = split(spec.closedIntervals, totalHosts, rand);
  const lastScan = new Date(spec.now.getTime() - 2 * 3_600_000);
  const windowStartDay = spec.orgDays - spec.assetDays;

  // Organisation-level daily series, summed over assets as they are generated.
  const orgScores: { id: string; score: number }[][] = Array.from({ length: spec.orgDays + 1 }, () => []);
  const orgCounts: SeverityCounts[] = Array.from({ length: spec.orgDays + 1 }, () => ({
    openPorts: 0,
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    info: 0,
    ungraded: 0,
  }));
  const assetIds: string[] = [];
  let hostCursor = 0;
  let openWritten = 0;
  let closedWritten = 0;
  const CHUNK = 250;

  for (let chunkStart = 0; chunkStart < spec.assets; chunkStart += CHUNK) {
    const rows = {
      assets: [] as Cell[][],
      hosts: [] as Cell[][],
      runs: [] as Cell[][],
      intervals: [] as Cell[][],
      changes: [] as Cell[][],
      snapshots: [] as Cell[][],
      rollups: [] as Cell[][],
    };
    for (let a = chunkStart; a < Math.min(spec.assets, chunkStart + CHUNK); a++) {
      const assetId = id("a");
      assetIds.push(assetId);
      const domain = spec.assetName(a);
      const hosts: HostPlan[] = [];
      for (let h = 0; h < hostsPerAsset[a]!; h++, hostCursor++) {
        const hostname = h === 0 ? domain : h === 1 ? `www.${domain}` : h === 2 ? `mail.${domain}` : domain;
        const open = openPerHost[hostCursor]!;
        const closed = closedPerHost[hostCursor]!;
        const previous = closed === 0 ? 0 : Math.min(closed, 1 + Math.floor(rand() * (spec.maxEpochs ?? 2)));
        const boundaries = Array.from({ length: previous }, () => 1 + Math.floor(rand() * (spec.orgDays - 2))).sort(
          (x, y) => x - y,
        );
        const sizes = previous > 0 ? split(closed - previous, previous, rand).map((n) => n + 1) : [];
        const epochs: Epoch[] = [];
        let start = 0;
        for (let e = 0; e < previous; e++) {
          const end = Math.max(boundaries[e]!, start + 1);
          epochs.push({ startDay: start, endDay: end, ports: pickProfiles(sizes[e]!, "past", rand, new Set()) });
          start = end;
        }
        epochs.push({
          startDay: Math.min(start, spec.orgDays),
          endDay: null,
          ports: pickProfiles(open, "now", rand, new Set()),
        });
        hosts.push({ id: id("h"), ip: loopbackAddress(hostCursor), hostname, discovered: h === 1 || h === 2, epochs });
      }

      // One scan run per day on which something changed, plus the first and the latest scan.
      const changeDays = [...new Set([0, ...hosts.flatMap((h) => h.epochs.map((e) => e.startDay))])]
        .filter((d) => d < spec.orgDays)
        .sort((x, y) => x - y);
      const runOfDay = new Map<number, string>();
      const runDate = (day: number) => new Date(dayStart(spec, day).getTime() + 3 * 3_600_000);
      for (const day of changeDays) {
        const runId = id("r");
        runOfDay.set(day, runId);
        const at = runDate(day);
        rows.runs.push([
          runId,
          organizationId,
          assetId,
          "COMPLETED",
          "SCHEDULED",
          "top-1000",
          hosts.length,
          hosts.length,
          0,
          at,
          at,
          new Date(at.getTime() + 95_000),
        ]);
      }
      const latestRun = id("r");
      rows.runs.push([
        latestRun,
        organizationId,
        assetId,
        "COMPLETED",
        "SCHEDULED",
        "top-1000",
        hosts.length,
        hosts.length,
        0,
        lastScan,
        lastScan,
        new Date(lastScan.getTime() + 95_000),
      ]);

      // Grade each segment between change days with the real method; the last one is today's grade.
      let current: AssetGrade | null = null;
      let currentPorts: PortResult[] = [];
      for (let s = 0; s < changeDays.length; s++) {
        const from = changeDays[s]!;
        const to = s + 1 < changeDays.length ? changeDays[s + 1]! : spec.orgDays + 1;
        const isLast = s === changeDays.length - 1;
        const asOf = isLast ? spec.now : runDate(from);
        const ports: PortResult[] = [];
        for (const host of hosts) {
          const epoch = host.epochs.find((e) => e.startDay <= from && (e.endDay === null || e.endDay > from));
          for (const p of epoch?.ports ?? [])
            ports.push({
              target: domain,
              ip: host.ip,
              port: p.port,
              protocol: p.profile.protocol,
              ...p.profile.make(host.hostname, asOf),
            });
        }
        const graded = gradeAsset(
          {
            findings: ports
              .filter((p) => p.state === "open" || p.state === "open|filtered")
              .map((p) => toGradingFinding(p)),
          },
          { asOf },
        );
        const counts = countBySeverity(graded.findings, ports.length - graded.findings.length);
        for (let day = from; day < to; day++) {
          orgScores[day]!.push({ id: assetId, score: graded.score });
          const c = orgCounts[day]!;
          for (const k of Object.keys(c) as (keyof SeverityCounts)[]) c[k] += counts[k];
          if (day >= windowStartDay) {
            rows.rollups.push([
              organizationId,
              assetId,
              dayStart(spec, day),
              graded.grade,
              graded.score,
              counts.openPorts,
              counts.critical,
              counts.high,
              counts.medium,
              counts.low,
              counts.info,
              counts.ungraded,
              spec.now,
            ]);
          }
        }
        if (isLast) {
          current = graded;
          currentPorts = ports;
        }
      }
      const grade = current!;
      const gradedByKey = new Map(
        grade.findings.map((f) => [`${f.finding.ip}|${f.finding.protocol}|${f.finding.port}`, f]),
      );

      rows.assets.push([
        assetId,
        organizationId,
        "DOMAIN",
        domain,
        a % 7 === 0 ? "Production" : null,
        dayStart(spec, 0),
        lastScan,
        // No next scan: sample-data organisations are never scheduled (lib/monitoring/claim-due-assets.ts).
        null,
        grade.grade,
        grade.score,
        spec.now,
        dayStart(spec, 0),
      ]);
      for (const host of hosts) {
        rows.hosts.push([
          host.id,
          organizationId,
          assetId,
          host.ip,
          host.hostname,
          host.discovered,
          false,
          dayStart(spec, 0),
          lastScan,
        ]);
        for (const epoch of host.epochs) {
          const openedAt = runDate(epoch.startDay);
          const closedAt = epoch.endDay === null ? null : runDate(epoch.endDay);
          for (const p of epoch.ports) {
            const port: PortResult = {
              target: domain,
              ip: host.ip,
              port: p.port,
              protocol: p.profile.protocol,
              ...p.profile.make(host.hostname, closedAt ?? spec.now),
            };
            const service = observedService(port);
            const key = `${host.ip}|${port.protocol}|${port.port}`;
            const g = closedAt === null ? gradedByKey.get(key) : undefined;
            rows.intervals.push([
              id("i"),
              organizationId,
              assetId,
              host.id,
              port.port,
              port.protocol.toUpperCase(),
              port.state,
              port.typicalService,
              port.pendingClassification,
              port.detectedService,
              port.product,
              port.version,
              port.versionRevision,
              port.tls,
              port.banner,
              port.facts,
              serviceFingerprint(service),
              openedAt,
              closedAt === null ? lastScan : new Date(closedAt.getTime() - DAY),
              closedAt,
              runOfDay.get(epoch.startDay) ?? latestRun,
              epoch.endDay === null ? null : (runOfDay.get(epoch.endDay) ?? latestRun),
              g?.severity ?? null,
              g?.deduction ?? null,
              g?.ruleId ?? null,
              servicesDiffer(port.typicalService, port.detectedService),
            ]);
            if (closedAt === null) openWritten++;
            else closedWritten++;
            const { state, typicalService, pendingClassification, detectedService, product, version, tls, facts } =
              port;
            const shown = {
              state,
              typicalService,
              pendingClassification,
              detectedService,
              product,
              version,
              tls,
              facts,
            };
            if (epoch.startDay > windowStartDay)
              rows.changes.push([
                id("x"),
                organizationId,
                assetId,
                runOfDay.get(epoch.startDay) ?? latestRun,
                host.ip,
                port.port,
                port.protocol.toUpperCase(),
                "PORT_OPENED",
                null,
                shown,
                openedAt,
              ]);
            if (epoch.endDay !== null && epoch.endDay > windowStartDay)
              rows.changes.push([
                id("x"),
                organizationId,
                assetId,
                runOfDay.get(epoch.endDay) ?? latestRun,
                host.ip,
                port.port,
                port.protocol.toUpperCase(),
                "PORT_CLOSED",
                shown,
                null,
                closedAt,
              ]);
          }
        }
      }
      const findings = {
        totalDeduction: grade.totalDeduction,
        ceiling: grade.ceiling,
        findings: grade.findings,
        notGraded: grade.notGraded,
        catchAllHosts: grade.catchAllHosts,
      };
      rows.snapshots.push([
        id("s"),
        organizationId,
        assetId,
        latestRun,
        grade.grade,
        grade.score,
        grade.methodVersion,
        JSON.parse(JSON.stringify(findings)),
        spec.now,
      ]);
      void currentPorts;
    }

    await insertRows(
      db,
      "Asset",
      [
        ["id", "text"],
        ["organizationId", "text"],
        ["kind", '"AssetKind"'],
        ["value", "text"],
        ["label", "text"],
        ["createdAt", "timestamp(3)"],
        ["lastScanAt", "timestamp(3)"],
        ["nextScanAt", "timestamp(3)"],
        ["grade", "text"],
        ["score", "int"],
        ["gradedAt", "timestamp(3)"],
        ["updatedAt", "timestamp(3)"],
      ],
      rows.assets,
    );
    await insertRows(
      db,
      "Host",
      [
        ["id", "text"],
        ["organizationId", "text"],
        ["assetId", "text"],
        ["ip", "text"],
        ["hostname", "text"],
        ["discovered", "boolean"],
        ["catchAll", "boolean"],
        ["firstSeenAt", "timestamp(3)"],
        ["lastSeenAt", "timestamp(3)"],
      ],
      rows.hosts,
    );
    await insertRows(
      db,
      "ScanRun",
      [
        ["id", "text"],
        ["organizationId", "text"],
        ["assetId", "text"],
        ["status", '"ScanStatus"'],
        ["trigger", '"ScanTrigger"'],
        ["portSpec", "text"],
        ["hostsTotal", "int"],
        ["hostsDone", "int"],
        ["portsFound", "int"],
        ["createdAt", "timestamp(3)"],
        ["startedAt", "timestamp(3)"],
        ["finishedAt", "timestamp(3)"],
      ],
      rows.runs,
    );
    await insertRows(
      db,
      "PortInterval",
      [
        ["id", "text"],
        ["organizationId", "text"],
        ["assetId", "text"],
        ["hostId", "text"],
        ["port", "int"],
        ["protocol", '"TransportProtocol"'],
        ["state", "text"],
        ["typicalService", "text"],
        ["pendingClassification", "boolean"],
        ["detectedService", "text"],
        ["product", "text"],
        ["version", "text"],
        ["versionRevision", "text"],
        ["tls", "jsonb"],
        ["banner", "text"],
        ["facts", "jsonb"],
        ["fingerprint", "text"],
        ["firstSeenAt", "timestamp(3)"],
        ["lastSeenAt", "timestamp(3)"],
        ["closedAt", "timestamp(3)"],
        ["openedByScanRunId", "text"],
        ["closedByScanRunId", "text"],
        ["severity", '"Severity"'],
        ["contribution", "float8"],
        ["ruleId", "text"],
        ["serviceMismatch", "boolean"],
      ],
      rows.intervals,
    );
    await insertRows(
      db,
      "ExposureChange",
      [
        ["id", "text"],
        ["organizationId", "text"],
        ["assetId", "text"],
        ["scanRunId", "text"],
        ["hostIp", "text"],
        ["port", "int"],
        ["protocol", '"TransportProtocol"'],
        ["kind", '"ExposureChangeKind"'],
        ["before", "jsonb"],
        ["after", "jsonb"],
        ["createdAt", "timestamp(3)"],
      ],
      rows.changes,
    );
    await insertRows(
      db,
      "GradeSnapshot",
      [
        ["id", "text"],
        ["organizationId", "text"],
        ["assetId", "text"],
        ["scanRunId", "text"],
        ["grade", "text"],
        ["score", "int"],
        ["methodVersion", "text"],
        ["findings", "jsonb"],
        ["createdAt", "timestamp(3)"],
      ],
      rows.snapshots,
      500,
    );
    await insertRows(
      db,
      "AssetDailyRollup",
      [
        ["organizationId", "text"],
        ["assetId", "text"],
        ["day", "date"],
        ["grade", "text"],
        ["score", "int"],
        ["openPorts", "int"],
        ["critical", "int"],
        ["high", "int"],
        ["medium", "int"],
        ["low", "int"],
        ["info", "int"],
        ["ungraded", "int"],
        ["updatedAt", "timestamp(3)"],
      ],
      rows.rollups,
    );
    log(
      `  assets ${Math.min(spec.assets, chunkStart + CHUNK)}/${spec.assets}, intervals ${openWritten + closedWritten}`,
    );
  }

  // The organisation: one grade per day (rollup and snapshot), from its assets' scores that day.
  const orgRollups: Cell[][] = [];
  const orgSnapshots: Cell[][] = [];
  let latest = gradeOrganization([]);
  for (let day = 0; day <= spec.orgDays; day++) {
    const g = gradeOrganization(orgScores[day]!);
    latest = g;
    const at = day === spec.orgDays ? spec.now : new Date(dayStart(spec, day).getTime() + 4 * 3_600_000);
    const c = orgCounts[day]!;
    orgRollups.push([
      organizationId,
      dayStart(spec, day),
      g.grade,
      g.score,
      g.assetCount,
      c.openPorts,
      c.critical,
      c.high,
      c.medium,
      c.low,
      c.info,
      c.ungraded,
      spec.now,
    ]);
    const summary = {
      cause: `seed:${dayKey(dayStart(spec, day))}`,
      previous: null,
      assetCount: g.assetCount,
      weightedMean: g.weightedMean,
      worstAsset: g.worstAsset,
      worstAssetCeiling: g.worstAssetCeiling,
    };
    orgSnapshots.push([id("s"), organizationId, null, null, g.grade, g.score, g.methodVersion, summary, at]);
  }
  await insertRows(
    db,
    "OrganizationDailyRollup",
    [
      ["organizationId", "text"],
      ["day", "date"],
      ["grade", "text"],
      ["score", "int"],
      ["assetCount", "int"],
      ["openPorts", "int"],
      ["critical", "int"],
      ["high", "int"],
      ["medium", "int"],
      ["low", "int"],
      ["info", "int"],
      ["ungraded", "int"],
      ["updatedAt", "timestamp(3)"],
    ],
    orgRollups,
  );
  await insertRows(
    db,
    "GradeSnapshot",
    [
      ["id", "text"],
      ["organizationId", "text"],
      ["assetId", "text"],
      ["scanRunId", "text"],
      ["grade", "text"],
      ["score", "int"],
      ["methodVersion", "text"],
      ["findings", "jsonb"],
      ["createdAt", "timestamp(3)"],
    ],
    orgSnapshots,
  );
  // Today's row also holds the open ports by typical/detected service, counted as the regrade counts them.
  const { services } = await countOpenPorts(db, organizationId);
  await db.organizationDailyRollup.update({
    where: { organizationId_day: { organizationId, day: dayStart(spec, spec.orgDays) } },
    data: { services: services as unknown as Prisma.InputJsonValue },
  });
  await db.organization.update({
    where: { id: organizationId },
    data: { grade: latest.grade, score: latest.score, gradedAt: spec.now },
  });
  return {
    assetIds,
    hosts: totalHosts,
    openIntervals: openWritten,
    closedIntervals: closedWritten,
    grade: latest.grade,
    score: latest.score,
  };
}
