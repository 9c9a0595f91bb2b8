/**
 * A push-based async iterable: producers push, one consumer iterates; close() or fail() ends it.
 * If the consumer stops early (break, return, throw), `onAbandon` tells the producer to stop.
 */
export class AsyncQueue<T> implements AsyncIterable<T> {
  constructor(private readonly onAbandon: () => void = () => {}) {}

  private readonly items: T[] = [];
  private waiter: (() => void) | null = null;
  private closed = false;
  private error: { reason: unknown } | null = null;

  push(item: T): void {
    this.items.push(item);
    this.notify();
  }

  close(): void {
    this.closed = true;
    this.notify();
  }

  fail(reason: unknown): void {
    this.error = { reason };
    this.notify();
  }

  private notify(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let drained = false;
    try {
      for (;;) {
        if (this.items.length > 0) {
          yield this.items.shift()!;
          continue;
        }
        if (this.error) throw this.error.reason;
        if (this.closed) {
          drained = true;
          return;
        }
        await new Promise<void>((resolve) => (this.waiter = resolve));
      }
    } finally {
      if (!drained && !this.error) this.onAbandon();
    }
  }
}
