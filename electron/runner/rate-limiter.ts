import { SalvoError } from '../../shared/model/errors';

/**
 * A token bucket shared by every worker of a run: `rate` tokens per second, a burst of at most
 * 50 ms worth (at least one token) so high rates survive timer granularity without bursting.
 * Waiters are served in FIFO order.
 */
export class RateLimiter {
  private tokens: number;
  private readonly capacity: number;
  private last: number;
  private readonly waiters: Array<{ resolve: () => void; reject: (err: Error) => void }> = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly rate: number,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.capacity = Math.max(1, Math.floor(rate / 20));
    // Start with a single token: the first request goes at once, the rest follow the rate.
    this.tokens = 1;
    this.last = clock();
  }

  /** Resolves when the caller may start one request; rejects when the signal aborts. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new SalvoError('cancelled', 'run cancelled'));
    this.refill();
    if (this.waiters.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = { resolve, reject };
      this.waiters.push(waiter);
      signal?.addEventListener(
        'abort',
        () => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) this.waiters.splice(i, 1);
          reject(new SalvoError('cancelled', 'run cancelled'));
        },
        { once: true },
      );
      this.schedule();
    });
  }

  /** Rejects every waiter (run ended). */
  close(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    for (const w of this.waiters.splice(0)) w.reject(new SalvoError('cancelled', 'run ended'));
  }

  private refill(): void {
    const now = this.clock();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
  }

  private schedule(): void {
    if (this.timer !== undefined || this.waiters.length === 0) return;
    const waitMs = Math.max(0, ((1 - this.tokens) * 1000) / this.rate);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.refill();
      while (this.waiters.length > 0 && this.tokens >= 1) {
        this.tokens -= 1;
        this.waiters.shift()?.resolve();
      }
      this.schedule();
    }, Math.ceil(waitMs));
  }
}
