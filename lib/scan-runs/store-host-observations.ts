import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PortInterval, TransportProtocol } from "@/lib/generated/prisma/client";
import type { PortResult } from "@/lib/scanner";
import { isObservedOpen, observedService, type ObservedService } from "@/lib/scanner/observed-service";
import { observedServiceOfInterval, transportOfProtocol } from "./observed-port-of-interval";
import { portKey, serviceFingerprint } from "./service-fingerprint";
import { ScanDataNotFoundError } from "./scan-data-not-found-error";

export interface HostObservations {
  scanRunId: string;
  hostId: string;
  /** Ports as the scanner reported them for this host (closed/filtered ones are ignored). */
  ports: readonly PortResult[];
  /** The host answered on every probed port: its individual ports say nothing. */
  catchAll: boolean;
  observedAt: Date;
}

export interface StoredHostObservations {
  /** True when this host of this run had been stored before (a retried step): nothing was written. */
  alreadyStored: boolean;
  portsOpen: number;
  opened: number;
  closed: number;
  changed: number;
  unchanged: number;
}

type Tx = Prisma.TransactionClient;

/**
 * Stores one host's scan result, exactly once per (scan run, host): the ScanHostResult marker is
 * written in the same transaction, so a retried step finds it and writes nothing.
 *
 * Intervals: a port seen with the same fingerprint only moves lastSeenAt (one statement for the
 * whole host); a new port opens an interval; a missing port closes its interval; a changed
 * service closes the old interval and opens a new one. Each opening, closing and change is also
 * recorded as an ExposureChange.
 */
export async function storeHostObservations(
  organizationId: string,
  input: HostObservations,
): Promise<StoredHostObservations> {
  return db.$transaction(
    async (tx) => {
      const host = await lockHost(tx, organizationId, input.hostId);
      const run = await tx.scanRun.findFirst({
        where: { id: input.scanRunId, organizationId, assetId: host.assetId },
        select: { id: true },
      });
      if (!run) throw new ScanDataNotFoundError(`Scan run ${input.scanRunId} of this host's asset was not found`);

      const marker = await tx.scanHostResult.findUnique({
        where: { scanRunId_hostId: { scanRunId: input.scanRunId, hostId: input.hostId } },
      });
      if (marker) return summaryOfStored(tx, organizationId, input.scanRunId, host.ip, marker.portsOpen);

      const result = input.catchAll
        ? { portsOpen: 0, opened: 0, closed: 0, changed: 0, unchanged: 0 }
        : await diffAndWriteIntervals(tx, organizationId, host, input);

      await tx.scanHostResult.create({
        data: {
          scanRunId: input.scanRunId,
          hostId: input.hostId,
          portsOpen: result.portsOpen,
          scannedAt: input.observedAt,
        },
      });
      await tx.host.updateMany({
        where: { id: input.hostId, organizationId },
        data: { lastSeenAt: input.observedAt, catchAll: input.catchAll },
      });
      await tx.scanRun.updateMany({
        where: { id: input.scanRunId, organizationId },
        data: { hostsDone: { increment: 1 }, portsFound: { increment: result.portsOpen } },
      });
      return { alreadyStored: false, ...result };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

interface LockedHost {
  id: string;
  assetId: string;
  ip: string;
}

/** Row lock on the host: two runs storing the same host at once would both open the same port. */
async function lockHost(tx: Tx, organizationId: string, hostId: string): Promise<LockedHost> {
  const rows = await tx.$queryRaw<LockedHost[]>`
    SELECT "id", "assetId", "ip" FROM "Host" WHERE "id" = ${hostId} AND "organizationId" = ${organizationId} FOR UPDATE`;
  const host = rows[0];
  if (!host) throw new ScanDataNotFoundError(`Host ${hostId} was not found in this organisation`);
  return host;
}

async function diffAndWriteIntervals(tx: Tx, organizationId: string, host: LockedHost, input: HostObservations) {
  const observed = new Map<string, { port: PortResult; service: ObservedService; fingerprint: string }>();
  for (const port of input.ports) {
    if (!isObservedOpen(port)) continue;
    const service = observedService(port);
    observed.set(portKey(port.port, port.protocol), { port, service, fingerprint: serviceFingerprint(service) });
  }
  const openIntervals = await tx.portInterval.findMany({ where: { organizationId, hostId: host.id, closedAt: null } });
  const openByKey = new Map(openIntervals.map((interval) => [portKey(interval.port, interval.protocol), interval]));

  const unchangedIds: string[] = [];
  const toClose: PortInterval[] = [];
  const toOpen: { port: PortResult; service: ObservedService; fingerprint: string }[] = [];
  const changes: Prisma.ExposureChangeCreateManyInput[] = [];
  const change = (
    port: number,
    protocol: TransportProtocol,
    kind: Prisma.ExposureChangeCreateManyInput["kind"],
    before: ObservedService | null,
    after: ObservedService | null,
  ) =>
    changes.push({
      organizationId,
      assetId: host.assetId,
      scanRunId: input.scanRunId,
      hostIp: host.ip,
      port,
      protocol,
      kind,
      before: jsonOrNull(before),
      after: jsonOrNull(after),
      createdAt: input.observedAt,
    });

  for (const [key, seen] of observed) {
    const current = openByKey.get(key);
    if (!current) {
      toOpen.push(seen);
      change(seen.port.port, transportOfProtocol(seen.port.protocol), "PORT_OPENED", null, seen.service);
    } else if (current.fingerprint === seen.fingerprint) {
      unchangedIds.push(current.id);
    } else {
      toClose.push(current);
      toOpen.push(seen);
      change(
        seen.port.port,
        transportOfProtocol(seen.port.protocol),
        "SERVICE_CHANGED",
        observedServiceOfInterval(current),
        seen.service,
      );
    }
  }
  for (const [key, interval] of openByKey) {
    if (observed.has(key)) continue;
    toClose.push(interval);
    change(interval.port, interval.protocol, "PORT_CLOSED", observedServiceOfInterval(interval), null);
  }

  if (unchangedIds.length > 0) {
    await tx.portInterval.updateMany({
      where: { organizationId, id: { in: unchangedIds } },
      data: { lastSeenAt: input.observedAt },
    });
  }
  if (toClose.length > 0) {
    await tx.portInterval.updateMany({
      where: { organizationId, id: { in: toClose.map((i) => i.id) }, closedAt: null },
      data: { closedAt: input.observedAt, closedByScanRunId: input.scanRunId },
    });
  }
  if (toOpen.length > 0) {
    await tx.portInterval.createMany({
      data: toOpen.map(({ port, service, fingerprint }) => ({
        organizationId,
        assetId: host.assetId,
        hostId: host.id,
        port: port.port,
        protocol: transportOfProtocol(port.protocol),
        ...service,
        tls: jsonOrNull(service.tls),
        facts: service.facts as Prisma.InputJsonValue,
        fingerprint,
        firstSeenAt: input.observedAt,
        lastSeenAt: input.observedAt,
        openedByScanRunId: input.scanRunId,
      })),
    });
  }
  if (changes.length > 0) await tx.exposureChange.createMany({ data: changes, skipDuplicates: true });

  const count = (kind: string) => changes.filter((c) => c.kind === kind).length;
  return {
    portsOpen: observed.size,
    opened: count("PORT_OPENED"),
    closed: count("PORT_CLOSED"),
    changed: count("SERVICE_CHANGED"),
    unchanged: unchangedIds.length,
  };
}

async function summaryOfStored(
  tx: Tx,
  organizationId: string,
  scanRunId: string,
  hostIp: string,
  portsOpen: number,
): Promise<StoredHostObservations> {
  const grouped = await tx.exposureChange.groupBy({
    by: ["kind"],
    where: { organizationId, scanRunId, hostIp },
    _count: { _all: true },
  });
  const count = (kind: string) => grouped.find((g) => g.kind === kind)?._count._all ?? 0;
  const opened = count("PORT_OPENED");
  const changed = count("SERVICE_CHANGED");
  return {
    alreadyStored: true,
    portsOpen,
    opened,
    closed: count("PORT_CLOSED"),
    changed,
    unchanged: Math.max(0, portsOpen - opened - changed),
  };
}

function jsonOrNull(value: object | null): Prisma.InputJsonValue | typeof Prisma.DbNull {
  return value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue);
}
