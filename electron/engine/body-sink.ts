import { mkdir, open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { SalvoError } from '../../shared/model/errors';
import type { BodyStore } from '../../shared/model/response';

/** Limits and outputs of one response body. */
export interface SinkOptions {
  /** Decoded bytes kept in memory; beyond it the body spills to a file (or is discarded). */
  readonly capBytes: number;
  /** Hard limit of decoded bytes: past it the body is `body-too-large` (bombs end here). */
  readonly maxBytes: number;
  readonly discardBeyondCap: boolean;
  readonly tempDir: string;
  /** The request id and exchange number; the spill file is named from them only if the body spills. */
  readonly fileStem: string;
  readonly exchange: number;
  readonly onChunk?: (chunk: Uint8Array) => void;
}

/** The spill file name of one exchange (unique per process run: a random suffix). */
function spillFileName(options: SinkOptions): string {
  return `${options.fileStem.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80)}-${options.exchange}-${Math.random().toString(36).slice(2, 10)}.body`;
}

/** One contiguous copy of the kept chunks (its own ArrayBuffer: no socket or pool slab stays referenced). */
function joined(chunks: readonly Buffer[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The end of the decode pipeline: counts decoded bytes (the cap is on decoded bytes, never wire
 * bytes), keeps them in memory up to the cap, then spills to a temp file or just counts.
 * Synchronous while the body stays in memory, so an identity-coded body needs no stream at all.
 */
export class BodyCollector {
  private readonly chunks: Buffer[] = [];
  private memoryBytes = 0;
  private file: FileHandle | undefined;
  private filePath: string | undefined;
  private spilling = false;
  private pending: Promise<void> | undefined;
  /** Decoded bytes seen, kept or not. */
  decodedBytes = 0;

  constructor(private readonly options: SinkOptions) {}

  get spilled(): boolean {
    return this.filePath !== undefined;
  }

  /**
   * Takes one decoded chunk: undefined when it was kept or counted, a promise while it is written
   * to the spill file (rejects with an `io` error), or the error that ends the body.
   */
  accept(chunk: Buffer): SalvoError | Promise<void> | undefined {
    if (this.decodedBytes + chunk.length > this.options.maxBytes) {
      return new SalvoError('body-too-large', `The decoded body is larger than ${this.options.maxBytes} bytes; the rest was not read`, { maxBytes: this.options.maxBytes });
    }
    this.decodedBytes += chunk.length;
    let taken: Promise<void> | undefined;
    if (!this.spilling && this.memoryBytes + chunk.length <= this.options.capBytes) {
      this.chunks.push(chunk);
      this.memoryBytes += chunk.length;
    } else if (this.options.discardBeyondCap) {
      const room = this.options.capBytes - this.memoryBytes;
      if (room > 0) {
        this.chunks.push(chunk.subarray(0, room));
        this.memoryBytes += room;
      }
    } else {
      this.spilling = true;
      const writing = this.spill(chunk);
      this.pending = writing.catch(() => undefined);
      taken = writing.catch((err: unknown) => {
        throw new SalvoError('io', `Could not write the body to a temp file: ${err instanceof Error ? err.message : String(err)}`);
      });
    }
    // After the chunk is kept: a listener that cancels the request at once still finds it in the body.
    const onChunk = this.options.onChunk;
    if (onChunk !== undefined) {
      try {
        onChunk(chunk);
      } catch {
        // A faulty listener must not break the download.
      }
    }
    return taken;
  }

  private async spill(chunk: Buffer): Promise<void> {
    if (this.file === undefined) {
      const path = join(this.options.tempDir, spillFileName(this.options));
      await mkdir(this.options.tempDir, { recursive: true, mode: 0o700 });
      this.file = await open(path, 'wx', 0o600);
      this.filePath = path;
      const head = Buffer.concat(this.chunks);
      this.chunks.length = 0;
      this.memoryBytes = 0;
      await this.file.write(head);
    }
    await this.file.write(chunk);
  }

  /** What was kept when it is all in memory (no spill ever started); undefined otherwise. */
  memoryResult(): BodyStore | undefined {
    if (this.spilling) return undefined;
    return { kind: 'memory', bytes: joined(this.chunks, this.memoryBytes) };
  }

  /** What was kept; call after the body ended or failed (never throws). */
  async result(): Promise<BodyStore> {
    // A spill write may still be running when the pipeline was destroyed mid-body.
    if (this.pending !== undefined) await this.pending;
    if (this.file !== undefined && this.filePath !== undefined) {
      const file = this.file;
      this.file = undefined;
      const bytes = (await file.stat().catch(() => ({ size: 0 }))).size;
      await file.close().catch(() => undefined);
      return { kind: 'file', path: this.filePath, bytes };
    }
    if (this.filePath !== undefined) return { kind: 'file', path: this.filePath, bytes: this.decodedBytes };
    return { kind: 'memory', bytes: joined(this.chunks, this.memoryBytes) };
  }
}

/** The collector as the last stage of a decoder pipeline (compressed bodies). */
export class BodySink extends Writable {
  constructor(readonly collector: BodyCollector) {
    super({ highWaterMark: 256 * 1024 });
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    const taken = this.collector.accept(chunk);
    if (taken === undefined) done();
    else if (taken instanceof SalvoError) done(taken);
    else taken.then(() => done(), (err: unknown) => done(err instanceof Error ? err : new Error(String(err))));
  }
}

/** Deletes a spilled body file (no error when it is already gone). */
export async function releaseBody(body: BodyStore): Promise<void> {
  if (body.kind === 'file') await rm(body.path, { force: true });
}
