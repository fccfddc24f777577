import { newRequestSpec } from '../../shared/model/request';
import type { RequestSpec } from '../../shared/model/request';

let counter = 0;

/** A unique request id per call. */
export function nextId(prefix = 'req'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** A spec with short timeouts (tests must never wait for the 30 s defaults). */
export function spec(url: string, partial: Partial<RequestSpec> = {}, timeouts: Partial<RequestSpec['options']['timeouts']> = {}): RequestSpec {
  const base = newRequestSpec({ url, ...partial });
  return { ...base, options: { ...base.options, ...(partial.options ?? {}), timeouts: { connect: 2000, headers: 2000, bodyIdle: 2000, total: 5000, ...timeouts } } };
}

/** Body bytes of an in-memory result as UTF-8. */
export function text(body: { kind: 'memory'; bytes: Uint8Array } | { kind: 'file'; path: string; bytes: number }): string {
  if (body.kind !== 'memory') throw new Error('body was spilled to a file');
  return Buffer.from(body.bytes).toString('utf8');
}
