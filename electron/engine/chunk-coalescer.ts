/** One coalesced streaming event. */
export interface CoalescedChunk {
  readonly seq: number;
  readonly text: string;
  readonly bytes: number;
}

/** Limits of live streaming over IPC. */
export interface CoalescerOptions {
  /** Minimum gap between events (33 ms ≈ 30 events per second). */
  readonly intervalMs: number;
  /** Text bytes streamed in total; past it events carry only byte counts (the body is fetched by slices). */
  readonly maxTextBytes: number;
}

const DEFAULTS: CoalescerOptions = { intervalMs: 33, maxTextBytes: 2 * 1024 * 1024 };

/**
 * Turns a fast stream of body chunks into at most ~30 events per second, in order (seq + 1 per
 * event), so a streaming response never becomes one IPC message per chunk.
 */
export class ChunkCoalescer {
  private readonly decoder = new TextDecoder('utf-8');
  private pendingText = '';
  private pendingBytes = 0;
  private textBytes = 0;
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastEmit = 0;

  constructor(
    private readonly emit: (chunk: CoalescedChunk) => void,
    private readonly options: CoalescerOptions = DEFAULTS,
  ) {}

  /** Adds a decoded body chunk. */
  push(chunk: Uint8Array): void {
    this.pendingBytes += chunk.length;
    if (this.textBytes < this.options.maxTextBytes) {
      const room = this.options.maxTextBytes - this.textBytes;
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      this.textBytes += part.length;
      this.pendingText += this.decoder.decode(part, { stream: true });
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    const wait = Math.max(0, this.lastEmit + this.options.intervalMs - performance.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushNow();
    }, wait);
  }

  private flushNow(): void {
    if (this.pendingBytes === 0) return;
    this.lastEmit = performance.now();
    const event = { seq: this.seq, text: this.pendingText, bytes: this.pendingBytes };
    this.seq += 1;
    this.pendingText = '';
    this.pendingBytes = 0;
    try {
      this.emit(event);
    } catch {
      // Runs from a timer: a closed window or broken transport must not become an uncaught exception.
    }
  }

  /** Emits whatever is pending now and stops the timer (call when the response ends). */
  finish(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushNow();
  }

  /** Events emitted so far. */
  get events(): number {
    return this.seq;
  }
}
