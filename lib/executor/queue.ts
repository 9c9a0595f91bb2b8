import crypto from "node:crypto";
import type { ExecutorJob } from "@/lib/generated/prisma/client";
import type { BackoffOptions } from "./backoff";
import { ConcurrencyLimiter } from "./concurrency";
import { dispatchPendingEvents } from "./dispatcher";
import type { ConcurrencyLimit } from "./function-config";
import type { ExecutorLogger } from "./log";
import { runCallJob, type RunnerDeps } from "./runner";
import { DISCOVERY, type Db } from "./store";
import { handleTimer } from "./timers";

/**
 * The queue worker: dispatches received events, then leases due jobs and handles them. It sleeps until
 * the next job is due (at most pollIntervalMs) and wakes at once when told something changed. Leases
 * are renewed while a call is in flight; a job whose lease lapsed (its executor died) is taken over.
 */
export interface QueueWorkerOptions {
  db: Db;
  log: ExecutorLogger;
  signingKey: string;
  appUrl: string;
  maxInFlight: number;
  pollIntervalMs: number;
  leaseMs: number;
  callTimeoutMs: number;
  backoff: BackoffOptions;
  retentionMs: number;
}

const CLAIM_BATCH = 100;
const MIN_SLEEP_MS = 5;

export class QueueWorker {
  readonly owner = `executor-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  private readonly limiter: ConcurrencyLimiter;
  private readonly inFlight = new Map<string, { controller: AbortController; promise: Promise<void> }>();
  private readonly runsInFlight = new Set<string>();
  private running = false;
  private wakeRequested = false;
  private wakeUp: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private lastPrune = 0;

  constructor(private readonly opts: QueueWorkerOptions) {
    this.limiter = new ConcurrencyLimiter(opts.maxInFlight);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(50, Math.floor(this.opts.leaseMs / 3)));
    this.heartbeat.unref();
    this.loop = this.run();
  }

  wake(): void {
    this.wakeRequested = true;
    this.wakeUp?.();
  }

  /** Stops polling, aborts calls in flight and hands their jobs back to the queue. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.wake();
    for (const { controller } of this.inFlight.values()) controller.abort(new Error("executor stopping"));
    await Promise.allSettled([...this.inFlight.values()].map((c) => c.promise));
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.wakeRequested = false;
      let nextAt: number;
      try {
        nextAt = await this.tick();
      } catch (err) {
        this.opts.log.error("queue poll failed", { err });
        nextAt = Date.now() + this.opts.pollIntervalMs;
      }
      if (!this.running) break;
      if (this.wakeRequested) continue;
      const delay = Math.max(MIN_SLEEP_MS, Math.min(nextAt - Date.now(), this.opts.pollIntervalMs));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }

  /** One pass over events and due jobs; returns when the next job falls due. */
  private async tick(): Promise<number> {
    const { db, log } = this.opts;
    const dispatched = await dispatchPendingEvents(db, log);
    if (dispatched > 0) this.wakeRequested = true;
    await this.pruneOldRecords();

    const now = new Date();
    const due = await db.executorJob.findMany({
      where: { runAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      orderBy: { runAt: "asc" },
      take: CLAIM_BATCH,
      include: { run: { select: { status: true, concurrency: true, disableImmediateExecution: true } } },
    });
    let blocked = false;
    for (const job of due) {
      if (!this.running) break;
      if (job.kind !== "CALL") {
        if (await this.lease(job)) await this.runTimer(job);
        continue;
      }
      if (!job.run || job.run.status !== "RUNNING") {
        await db.executorJob.deleteMany({ where: { id: job.id } });
        continue;
      }
      const limits = (job.run.concurrency ?? []) as unknown as ConcurrencyLimit[];
      // Two calls of one run at once could both execute the same step immediately.
      const runBusy = !job.run.disableImmediateExecution && this.runsInFlight.has(job.runId!);
      if (runBusy || !this.limiter.canStart(limits)) {
        blocked = true;
        if (this.limiter.full) break;
        continue;
      }
      if (!(await this.lease(job))) continue;
      this.startCall(job, limits);
    }
    if (due.length === CLAIM_BATCH && !blocked) this.wakeRequested = true;
    if (this.wakeRequested) return Date.now();

    const next = await db.executorJob.findFirst({
      where: { runAt: { gt: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      orderBy: { runAt: "asc" },
      select: { runAt: true },
    });
    return next ? next.runAt.getTime() : Date.now() + this.opts.pollIntervalMs;
  }

  private async lease(job: ExecutorJob): Promise<boolean> {
    const now = new Date();
    const { count } = await this.opts.db.executorJob.updateMany({
      where: { id: job.id, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: {
        lockedUntil: new Date(now.getTime() + this.opts.leaseMs),
        lockedBy: this.owner,
        // A discovery in flight may miss results stored meanwhile: let another one be queued.
        ...(job.kind === "CALL" && job.stepId === DISCOVERY ? { dedupeKey: null } : {}),
      },
    });
    return count === 1;
  }

  private async release(jobId: string, delayMs = 0): Promise<void> {
    await this.opts.db.executorJob
      .updateMany({
        where: { id: jobId, lockedBy: this.owner },
        data: { lockedUntil: delayMs ? new Date(Date.now() + delayMs) : null, lockedBy: null },
      })
      .catch((err: unknown) => this.opts.log.warn("could not release a job", { jobId, err }));
  }

  private async renewLeases(): Promise<void> {
    if (!this.inFlight.size) return;
    await this.opts.db.executorJob
      .updateMany({
        where: { id: { in: [...this.inFlight.keys()] }, lockedBy: this.owner },
        data: { lockedUntil: new Date(Date.now() + this.opts.leaseMs) },
      })
      .catch((err: unknown) => this.opts.log.warn("lease renewal failed", { err }));
  }

  private async runTimer(job: ExecutorJob): Promise<void> {
    try {
      await handleTimer(this.opts.db, job, this.opts.log);
    } catch (err) {
      this.opts.log.error("timer failed", { jobId: job.id, kind: job.kind, err });
      await this.release(job.id, this.opts.pollIntervalMs);
    }
  }

  private startCall(job: ExecutorJob, limits: ConcurrencyLimit[]): void {
    const runId = job.runId!;
    this.limiter.acquire(limits);
    this.runsInFlight.add(runId);
    const controller = new AbortController();
    const deps: RunnerDeps = {
      db: this.opts.db,
      log: this.opts.log,
      signingKey: this.opts.signingKey,
      appUrl: this.opts.appUrl,
      callTimeoutMs: this.opts.callTimeoutMs,
      backoff: this.opts.backoff,
      owner: this.owner,
      isRunning: () => this.running,
      release: (id) => this.release(id),
    };
    const promise = runCallJob(deps, job, controller.signal)
      .catch(async (err: unknown) => {
        this.opts.log.error("call handling failed", { runId, jobId: job.id, err });
        await this.release(job.id, this.opts.pollIntervalMs);
      })
      .finally(() => {
        this.limiter.release(limits);
        this.runsInFlight.delete(runId);
        this.inFlight.delete(job.id);
        this.wake();
      });
    this.inFlight.set(job.id, { controller, promise });
  }

  /** Finished runs and processed events are kept for retentionMs, then deleted (checked hourly). */
  private async pruneOldRecords(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < 60 * 60_000) return;
    this.lastPrune = now;
    const before = new Date(now - this.opts.retentionMs);
    const runs = await this.opts.db.executorRun.deleteMany({
      where: { status: { not: "RUNNING" }, endedAt: { lt: before } },
    });
    const events = await this.opts.db.executorEvent.deleteMany({ where: { processedAt: { lt: before } } });
    if (runs.count || events.count)
      this.opts.log.info("pruned old executor records", { runs: runs.count, events: events.count });
  }
}
