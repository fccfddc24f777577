import type { ResponseResult } from '../../shared/model/response';
import { releaseBody } from './body-sink';
import { bodyLength } from './response-view';

/** Bounds of the in-memory response store. */
export interface ResponseStoreLimits {
  /** Most responses kept (open tabs, recent run results). */
  readonly maxEntries: number;
  /** Most in-memory body bytes kept across entries (spilled bodies do not count). */
  readonly maxMemoryBytes: number;
}

const DEFAULT_LIMITS: ResponseStoreLimits = { maxEntries: 64, maxMemoryBytes: 256 * 1024 * 1024 };

/**
 * Full results by id, in the main process only (the renderer gets views and slices). Bounded:
 * the oldest entries are evicted, and their spill files deleted.
 */
export class ResponseStore {
  private readonly entries = new Map<string, ResponseResult>();
  private memoryBytes = 0;

  constructor(private readonly limits: ResponseStoreLimits = DEFAULT_LIMITS) {}

  /** Stores a result under an id (replacing and releasing an older one with the same id). */
  put(id: string, result: ResponseResult): void {
    this.drop(id);
    this.entries.set(id, result);
    if (result.body.kind === 'memory') this.memoryBytes += bodyLength(result.body);
    this.evict(id);
  }

  get(id: string): ResponseResult | undefined {
    return this.entries.get(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Removes an entry and deletes its spill file. */
  release(id: string): void {
    this.drop(id);
  }

  /** Releases everything (app shutdown). */
  clear(): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
  }

  private drop(id: string): void {
    const old = this.entries.get(id);
    if (old === undefined) return;
    this.entries.delete(id);
    if (old.body.kind === 'memory') this.memoryBytes -= bodyLength(old.body);
    // Deleting a temp file is best effort; a failure leaves it for the OS temp cleaner.
    releaseBody(old.body).catch(() => undefined);
  }

  private evict(keep: string): void {
    for (const id of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.memoryBytes <= this.limits.maxMemoryBytes) return;
      if (id !== keep) this.drop(id);
    }
  }
}
