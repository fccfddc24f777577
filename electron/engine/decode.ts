import { Transform } from 'node:stream';
import type { TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { SalvoError } from '../../shared/model/errors';

/** More stacked codings than this is hostile, not real: refuse before decoding. */
export const MAX_CODINGS = 3;

export type Coding = 'gzip' | 'deflate' | 'br' | 'identity';

/** Parses Content-Encoding values in the order they were applied; unknown codings mean "do not decode". */
export function parseCodings(values: readonly string[]): { codings: Coding[]; unsupported: string | undefined } {
  const codings: Coding[] = [];
  for (const value of values) {
    for (const part of value.split(',')) {
      const token = part.trim().toLowerCase();
      if (token === '' || token === 'identity') continue;
      if (token === 'gzip' || token === 'x-gzip') codings.push('gzip');
      else if (token === 'deflate') codings.push('deflate');
      else if (token === 'br') codings.push('br');
      else return { codings: [], unsupported: token };
    }
  }
  if (codings.length > MAX_CODINGS) throw new SalvoError('decompression', `The response uses ${codings.length} stacked content codings; at most ${MAX_CODINGS} are decoded`, { codings: codings.join(', ') });
  return { codings, unsupported: undefined };
}

/** deflate is sent both zlib-wrapped (correct) and raw (common); pick by the first byte like browsers do. */
class DeflateAuto extends Transform {
  private inner: zlib.Inflate | zlib.InflateRaw | undefined;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.inner === undefined) {
      const first = chunk[0] ?? 0x78;
      this.inner = (first & 0x0f) === 0x08 ? zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH }) : zlib.createInflateRaw({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
      this.inner.on('data', (out: Buffer) => {
        if (!this.push(out)) this.inner?.pause();
      });
      this.inner.on('error', (err) => this.destroy(err));
    }
    if (this.inner.write(chunk)) done();
    else this.inner.once('drain', () => done());
  }

  override _read(size: number): void {
    this.inner?.resume();
    super._read(size);
  }

  override _flush(done: TransformCallback): void {
    if (this.inner === undefined) {
      done();
      return;
    }
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(err: Error | null, done: (error: Error | null) => void): void {
    this.inner?.destroy();
    done(err);
  }
}

function decoderFor(coding: Coding): Transform {
  switch (coding) {
    case 'gzip':
      // Z_SYNC_FLUSH: accept a gzip stream missing its trailer, as browsers and curl do.
      return zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    case 'deflate':
      return new DeflateAuto();
    case 'br':
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    case 'identity':
      return new Transform({ transform: (chunk: Buffer, _e, cb) => cb(null, chunk) });
  }
}

/** Decoders to apply, outermost coding first (the reverse of the order they were applied). */
export function createDecoders(codings: readonly Coding[]): Transform[] {
  return [...codings].reverse().map((c) => decoderFor(c));
}

/** A decoder failure with the coding and zlib's reason. */
export function decodeError(codings: readonly Coding[], err: unknown): SalvoError {
  const reason = err instanceof Error ? err.message : String(err);
  return new SalvoError('decompression', `The body is not valid ${codings.join(' + ')} data: ${reason}`, { codings: codings.join(', ') });
}
