import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, releaseBody } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { echoHandler, startHttpServer } from '../servers/http-server';
import type { TestServer } from '../servers/http-server';
import { rawResponse, startRawServer } from '../servers/raw-server';
import type { RawServer } from '../servers/raw-server';
import { nextId, spec, text } from './helpers';

const MB = 1024 * 1024;

describe('content decoding and the decoded-byte cap', () => {
  let engine: Engine;
  let good: TestServer;
  let server: RawServer;
  const payload = JSON.stringify({ items: Array.from({ length: 2000 }, (_, i) => ({ i, name: `item ${i}` })) });
  // 64 MB of zeros (16x the hard cap): about 64 KB gzip, a few hundred bytes brotli.
  const zeros = Buffer.alloc(64 * MB);
  const gzipBomb = zlib.gzipSync(zeros, { level: 9 });
  const brBomb = zlib.brotliCompressSync(zeros);
  const deflateBomb = zlib.deflateRawSync(zeros, { level: 9 });

  beforeAll(async () => {
    engine = createEngine({ bodyCapBytes: 64 * 1024, maxBodyBytes: 4 * MB });
    good = await startHttpServer(echoHandler([]));
    server = await startRawServer((socket, head) => {
      const path = /^\S+ (\S+)/.exec(head)?.[1] ?? '/';
      const send = (headers: Array<[string, string]>, body: Buffer): void => {
        socket.write(rawResponse('200 OK', [['Content-Type', 'application/json'], ...headers], body));
      };
      const body = Buffer.from(payload);
      const br = (b: Buffer): Buffer => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } });
      if (path === '/gzip') send([['Content-Encoding', 'gzip']], zlib.gzipSync(body));
      else if (path === '/deflate') send([['Content-Encoding', 'deflate']], zlib.deflateSync(body));
      else if (path === '/deflate-raw') send([['Content-Encoding', 'deflate']], zlib.deflateRawSync(body));
      else if (path === '/br') send([['Content-Encoding', 'br']], br(body));
      else if (path === '/stacked') send([['Content-Encoding', 'gzip, br']], br(zlib.gzipSync(body)));
      else if (path === '/too-many') send([['Content-Encoding', 'gzip, gzip, gzip, gzip']], zlib.gzipSync(zlib.gzipSync(zlib.gzipSync(zlib.gzipSync(body)))));
      else if (path === '/liar') send([['Content-Encoding', 'gzip']], Buffer.from('this is not gzip at all'));
      else if (path === '/gzip-bomb') send([['Content-Encoding', 'gzip'], ['Connection', 'close']], gzipBomb);
      else if (path === '/deflate-bomb') send([['Content-Encoding', 'deflate']], deflateBomb);
      else if (path === '/br-bomb') send([['Content-Encoding', 'br'], ['Connection', 'close']], brBomb);
      else if (path === '/big') send([], Buffer.alloc(1 * MB, 0x61));
      else send([], body);
    });
  });
  afterEach(async () => {
    expect(engine.inFlight()).toBe(0);
    const ok = await engine.send(spec(`${good.url}/after`), { id: nextId() });
    expect(ok.status).toBe(200);
  });
  afterAll(async () => {
    await engine.close();
    await good.close();
    await server.close();
  });

  const big = { bodyCapBytes: 16 * MB };

  it.each(['/gzip', '/deflate', '/deflate-raw', '/br', '/stacked'])('decodes %s', async (path) => {
    const r = await engine.send(spec(`${server.url}${path}`), { id: nextId(), ...big });
    expect(r.error).toBeUndefined();
    expect(text(r.body)).toBe(payload);
    expect(r.sizes.bodyDecoded).toBe(payload.length);
    expect(r.sizes.bodyWire).toBeLessThan(payload.length);
  });

  it('refuses too many stacked codings', async () => {
    const r = await engine.send(spec(`${server.url}/too-many`), { id: nextId(), ...big });
    expect(r.error?.kind).toBe('decompression');
  });

  it('reports a body that is not what its Content-Encoding claims', async () => {
    const r = await engine.send(spec(`${server.url}/liar`), { id: nextId(), ...big });
    expect(r.error?.kind).toBe('decompression');
    expect(r.error?.message).toContain('gzip');
    expect(r.incomplete).toBe(true);
  });

  it.each(['/gzip-bomb', '/br-bomb', '/deflate-bomb'])('stops the %s at the decoded cap; the process and pool survive', async (path) => {
    const r = await engine.send(spec(`${server.url}${path}`, {}, { total: 10_000 }), { id: nextId() });
    expect(r.error?.kind).toBe('body-too-large');
    expect(r.incomplete).toBe(true);
    expect(r.sizes.bodyDecoded).toBeLessThanOrEqual(4 * MB + 64 * 1024);
    expect(r.sizes.bodyWire).toBeLessThan(300 * 1024);
    await releaseBody(r.body);
  });

  it('decodes a large raw-deflate body through backpressure without stalling', async () => {
    const r = await engine.send(spec(`${server.url}/deflate-bomb`), { id: nextId(), maxBodyBytes: 128 * MB, discardBeyondCap: true });
    expect(r.error).toBeUndefined();
    expect(r.sizes.bodyDecoded).toBe(64 * MB);
  });

  it('spills a body over the in-memory cap to a temp file, byte for byte', async () => {
    const r = await engine.send(spec(`${server.url}/big`), { id: nextId() });
    expect(r.error).toBeUndefined();
    expect(r.spilledToFile).toBe(true);
    expect(r.body.kind).toBe('file');
    if (r.body.kind !== 'file') return;
    const content = await readFile(r.body.path);
    expect(content.length).toBe(MB);
    expect(content.every((b) => b === 0x61)).toBe(true);
    await releaseBody(r.body);
    expect(existsSync(r.body.path)).toBe(false);
  });

  it('with discardBeyondCap keeps only the head and counts the rest', async () => {
    const r = await engine.send(spec(`${server.url}/big`), { id: nextId(), discardBeyondCap: true });
    expect(r.error).toBeUndefined();
    expect(r.spilledToFile).toBe(false);
    expect(r.body.kind).toBe('memory');
    expect(r.body.kind === 'memory' ? r.body.bytes.length : -1).toBe(64 * 1024);
    expect(r.sizes.bodyDecoded).toBe(MB);
  });
});
