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
  readonly fileName: string;
  readonly onChunk?: (chunk: Uint8Array) => void;
}

/**
 * The end of the decode pipeline: counts decoded bytes (the cap is on decoded bytes, never wire
 * bytes), keeps them in memory up to the cap, then spills to a temp file or just counts.
 */
export class BodySink extends Writable {
  private readonly chunks: Buffer[] = [];
  private memoryBytes = 0;
  private file: FileHandle | undefined;
  private filePath: string | undefined;
  private pending: Promise<void> = Promise.resolve();
  /** Decoded bytes seen, kept or not. */
  decodedBytes = 0;

  constructor(private readonly options: SinkOptions) {
    super({ highWaterMark: 256 * 1024 });
  }

  get spilled(): boolean {
    return this.filePath !== undefined;
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, done: (err?: Error | null) => void): void {
    if (this.decodedBytes + chunk.length > this.options.maxBytes) {
      done(new SalvoError('body-too-large', `The decoded body is larger than ${this.options.maxBytes} bytes; the rest was not read`, { maxBytes: this.options.maxBytes }));
      return;
    }
    this.decodedBytes += chunk.length;
    try {
      this.options.onChunk?.(chunk);
    } catch {
      // A faulty listener must not break the download.
    }
    if (this.file === undefined && this.memoryBytes + chunk.length <= this.options.capBytes) {
      this.chunks.push(chunk);
      this.memoryBytes += chunk.length;
      done();
      return;
    }
    if (this.options.discardBeyondCap) {
      const room = this.options.capBytes - this.memoryBytes;
      if (room > 0) {
        this.chunks.push(chunk.subarray(0, room));
        this.memoryBytes += room;
      }
      done();
      return;
    }
    const writing = this.spill(chunk);
    this.pending = writing.catch(() => undefined);
    writing.then(() => done(), (err: unknown) => done(new SalvoError('io', `Could not write the body to a temp file: ${err instanceof Error ? err.message : String(err)}`)));
  }

  private async spill(chunk: Buffer): Promise<void> {
    if (this.file === undefined) {
      const path = join(this.options.tempDir, this.options.fileName);
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

  /** What was kept; call after the pipeline finished or failed (never throws). */
  async result(): Promise<BodyStore> {
    // A spill write may still be running when the pipeline was destroyed mid-body.
    await this.pending;
    if (this.file !== undefined && this.filePath !== undefined) {
      const file = this.file;
      this.file = undefined;
      const bytes = (await file.stat().catch(() => ({ size: 0 }))).size;
      await file.close().catch(() => undefined);
      return { kind: 'file', path: this.filePath, bytes };
    }
    if (this.filePath !== undefined) return { kind: 'file', path: this.filePath, bytes: this.decodedBytes };
    return { kind: 'memory', bytes: new Uint8Array(Buffer.concat(this.chunks)) };
  }
}

/** Deletes a spilled body file (no error when it is already gone). */
export async function releaseBody(body: BodyStore): Promise<void> {
  if (body.kind === 'file') await rm(body.path, { force: true });
}
