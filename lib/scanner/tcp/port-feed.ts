/**
 * Where a host scan gets the ports of its first pass. A plain list is a feed that never waits; a
 * worker thread's feed asks the main thread for more (parallel-scan.ts), so threads share one list
 * and the one with the spare CPU takes more of it.
 */
export interface PortFeed {
  /** Up to `max` further ports; empty when none are available right now (or ever, see `closed`). */
  take(max: number): number[];
  /** True once take() will never return another port. */
  readonly closed: boolean;
  /** Calls `wake` once when take() may return more (only needed while !closed and take() was empty). */
  onMore(wake: () => void): void;
}

export function isPortFeed(ports: readonly number[] | PortFeed): ports is PortFeed {
  return !Array.isArray(ports);
}

/** A feed over a fixed list, each port once, in the given order. */
export class PortList implements PortFeed {
  private readonly ports: number[];
  private index = 0;

  constructor(ports: readonly number[]) {
    // A flag per port number rather than a Set: a full scan lists 65,535 ports, on the path a
    // whole-process timing measures.
    const seen = new Uint8Array(65_536);
    this.ports = [];
    for (const port of ports) {
      if (seen[port] === 1) continue;
      seen[port] = 1;
      this.ports.push(port);
    }
  }

  get closed(): boolean {
    return this.index >= this.ports.length;
  }

  get remaining(): number {
    return this.ports.length - this.index;
  }

  take(max: number): number[] {
    const batch = this.ports.slice(this.index, this.index + Math.max(0, max));
    this.index += batch.length;
    return batch;
  }

  onMore(): void {
    // Never needed: a list either has ports now or is closed.
  }
}
