import { open } from 'node:fs/promises';
import type { BodySlice, BodyStore, ResponseResult, ResponseView } from '../../shared/model/response';

/** Default preview size sent over IPC with a response (the rest is fetched by slices). */
export const DEFAULT_PREVIEW_BYTES = 256 * 1024;

/** Reads `length` bytes at `offset` of a body wherever it lives. */
export async function readBodyRange(body: BodyStore, offset: number, length: number): Promise<Uint8Array> {
  if (body.kind === 'memory') return body.bytes.subarray(offset, Math.min(body.bytes.length, offset + length));
  const total = body.bytes;
  const want = Math.max(0, Math.min(length, total - offset));
  if (want === 0) return new Uint8Array(0);
  const handle = await open(body.path, 'r');
  try {
    const buffer = Buffer.alloc(want);
    const { bytesRead } = await handle.read(buffer, 0, want, offset);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Total bytes held for a body. */
export function bodyLength(body: BodyStore): number {
  return body.kind === 'memory' ? body.bytes.length : body.bytes;
}

/** Decodes text with a charset; a multi-byte character cut at the end is left out, not mangled. */
export function decodeText(bytes: Uint8Array, charset: string | undefined, isEnd: boolean): string {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8');
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(bytes, { stream: !isEnd });
}

/**
 * What crosses IPC for one response: every field but the body, plus a capped preview
 * (decoded text, or base64 for binary bodies). Reads only the head of a spilled body.
 */
export async function toResponseView(result: ResponseResult, previewBytes: number = DEFAULT_PREVIEW_BYTES): Promise<ResponseView> {
  const { body, ...rest } = result;
  const total = bodyLength(body);
  let head: Uint8Array;
  try {
    head = await readBodyRange(body, 0, previewBytes);
  } catch {
    // A spill file removed underneath us: the view still carries every other fact.
    head = new Uint8Array(0);
  }
  const truncated = total > head.length;
  const preview = result.isBinary ? Buffer.from(head).toString('base64') : decodeText(head, result.charset, !truncated);
  return { ...rest, bodyBytes: total, preview, previewEncoding: result.isBinary ? 'base64' : 'text', previewTruncated: truncated };
}

/** A slice of a stored body for `http:body`. */
export async function sliceBody(id: string, result: ResponseResult, offset: number, limit: number): Promise<BodySlice> {
  const total = bodyLength(result.body);
  const bytes = await readBodyRange(result.body, offset, limit);
  const done = offset + bytes.length >= total;
  const data = result.isBinary ? Buffer.from(bytes).toString('base64') : decodeText(bytes, result.charset, true);
  return { id, offset, totalBytes: total, encoding: result.isBinary ? 'base64' : 'text', data, done };
}
