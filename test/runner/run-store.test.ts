import { describe, expect, it } from 'vitest';
import { PREVIEW_BYTES, RunStore } from '../../electron/runner/run-store';
import type { ResponseResult } from '../../shared/model/response';
import { summary } from './summary';

function response(body: string, id = 'r'): ResponseResult {
  const bytes = new TextEncoder().encode(body);
  return {
    id,
    method: 'GET',
    url: 'http://127.0.0.1/a',
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    headers: [['content-type', 'text/plain']],
    body: { kind: 'memory', bytes },
    contentType: 'text/plain',
    charset: 'utf-8',
    isBinary: false,
    sizes: { headers: 30, bodyWire: bytes.byteLength, bodyDecoded: bytes.byteLength },
    timings: { dns: 0, connect: 0, tls: 0, send: 0, ttfb: 1, download: 0, total: 1 },
    reusedConnection: true,
    remoteAddress: '127.0.0.1',
    remotePort: 80,
    redirects: [],
    incomplete: false,
    spilledToFile: false,
    error: undefined,
    startedAt: 0,
    sent: { method: 'GET', url: 'http://127.0.0.1/a', headers: [] },
  };
}

describe('run store', () => {
  it('keeps a redacted preview of at most PREVIEW_BYTES, and says when it is cut', () => {
    const store = new RunStore();
    store.add(summary({ seq: 0 }), response(`token=s3cret ${'x'.repeat(PREVIEW_BYTES * 3)}`), ['s3cret']);
    const view = store.detail(0);
    expect(view.preview.startsWith('token=•••••• ')).toBe(true);
    expect(view.preview).not.toContain('s3cret');
    expect(new TextEncoder().encode(view.preview.replace('••••••', 's3cret')).byteLength).toBe(PREVIEW_BYTES);
    expect(view).toMatchObject({ bodyBytes: PREVIEW_BYTES * 3 + 13, previewTruncated: true, status: 200 });
  });

  it('drops the oldest passing previews past its budget, keeps failed ones in their own budget, and keeps every summary', () => {
    // Each kept result costs about 1.3 KB here: a 3 KB budget holds two passing ones.
    const store = new RunStore(3000, 3000);
    for (let seq = 0; seq < 5; seq++) store.add(summary({ seq, passed: seq !== 1 }), response(`body ${seq}`), []);
    expect(store.size).toBe(5);
    expect(store.all().map((s) => s.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(store.detail(1).preview).toBe('body 1');
    expect(store.detail(3).preview).toBe('body 3');
    expect(store.detail(4).preview).toBe('body 4');
    expect(() => store.detail(0)).toThrow(/was not kept/);
    expect(() => store.detail(2)).toThrow(/was not kept/);
    expect(() => store.detail(9)).toThrow(/no result 9/);
  });

  it('with no budget for passing results keeps none of them (and makes no preview), but still keeps failures', () => {
    const store = new RunStore(0);
    store.add(summary({ seq: 0 }), response('ok'), []);
    store.add(summary({ seq: 1, passed: false, status: 500 }), response('boom'), []);
    store.add(summary({ seq: 2, passed: false, status: 0, errorKind: 'unresolved-variable' }), undefined, []);
    expect(store.size).toBe(3);
    expect(() => store.detail(0)).toThrow(/was not kept/);
    expect(store.detail(1).preview).toBe('boom');
    expect(() => store.detail(2)).toThrow(/was not kept/);
  });
});
