import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { digestProtected } from '../servers/digest';
import { echoHandler, startHttpServer } from '../servers/http-server';
import type { SeenRequest, TestServer } from '../servers/http-server';
import { nextId, spec } from './helpers';

describe('request bodies and auth', () => {
  let engine: Engine;
  let server: TestServer;
  let dir: string;
  const seen: SeenRequest[] = [];
  const last = (): SeenRequest => {
    const r = seen.at(-1);
    if (r === undefined) throw new Error('no request seen');
    return r;
  };

  beforeAll(async () => {
    engine = createEngine();
    server = await startHttpServer(echoHandler(seen));
    dir = await mkdtemp(join(tmpdir(), 'salvo-bodies-test-'));
  });
  afterAll(async () => {
    await engine.close();
    await server.close();
  });

  it.each([
    ['json', { mode: 'json', text: '{"a":1}' }, 'application/json', '{"a":1}'],
    ['text', { mode: 'text', text: 'héllo' }, 'text/plain; charset=utf-8', 'héllo'],
    ['xml', { mode: 'xml', text: '<a>1</a>' }, 'application/xml', '<a>1</a>'],
    ['form', { mode: 'form', fields: [{ name: 'a b', value: 'c&d', enabled: true }, { name: 'off', value: 'x', enabled: false }] }, 'application/x-www-form-urlencoded', 'a+b=c%26d'],
  ] as const)('sends a %s body with its content type and length', async (_name, body, type, expected) => {
    const r = await engine.send(spec(`${server.url}/b`, { method: 'POST', body: structuredClone(body) as never }), { id: nextId() });
    expect(r.status).toBe(200);
    expect(last().headers['content-type']).toBe(type);
    expect(last().body.toString('utf8')).toBe(expected);
    expect(Number(last().headers['content-length'])).toBe(Buffer.byteLength(expected));
  });

  it('keeps a content type the user set', async () => {
    await engine.send(spec(`${server.url}/b`, { method: 'POST', headers: [{ name: 'Content-Type', value: 'application/vnd.x+json', enabled: true }], body: { mode: 'json', text: '{}' } }), { id: nextId() });
    expect(last().headers['content-type']).toBe('application/vnd.x+json');
  });

  it('sends a binary file body byte for byte', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7) % 256));
    const file = join(dir, 'blob.bin');
    await writeFile(file, bytes);
    const r = await engine.send(spec(`${server.url}/bin`, { method: 'PUT', body: { mode: 'binary', path: file } }), { id: nextId() });
    expect(r.status).toBe(200);
    expect(last().headers['content-type']).toBe('application/octet-stream');
    expect(last().body.equals(bytes)).toBe(true);
  });

  it('sends multipart with text fields and a real file', async () => {
    const file = join(dir, 'photo.png');
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0d, 0x0a]);
    await writeFile(file, bytes);
    const r = await engine.send(
      spec(`${server.url}/upload`, {
        method: 'POST',
        body: {
          mode: 'multipart',
          fields: [
            { kind: 'text', name: 'title', value: 'a "quoted" name', enabled: true },
            { kind: 'text', name: 'skip', value: 'no', enabled: false },
            { kind: 'file', name: 'file', path: file, enabled: true, contentType: 'image/png' },
          ],
        },
      }),
      { id: nextId() },
    );
    expect(r.status).toBe(200);
    const type = last().headers['content-type'] ?? '';
    const boundary = /boundary=(.+)$/.exec(type)?.[1] ?? '';
    expect(type.startsWith('multipart/form-data; boundary=')).toBe(true);
    const form = await new Response(new Uint8Array(last().body), { headers: { 'content-type': type } }).formData();
    expect(form.get('title')).toBe('a "quoted" name');
    expect(form.has('skip')).toBe(false);
    const uploaded = form.get('file') as File;
    expect(uploaded.name).toBe('photo.png');
    expect(uploaded.type).toBe('image/png');
    expect(Buffer.from(await uploaded.arrayBuffer()).equals(bytes)).toBe(true);
    expect(Number(last().headers['content-length'])).toBe(last().body.length);
    expect(boundary.length).toBeGreaterThan(10);
  });

  it('reports a missing body file as an io error without sending', async () => {
    const before = seen.length;
    const r = await engine.send(spec(`${server.url}/x`, { method: 'POST', body: { mode: 'binary', path: join(dir, 'missing.bin') } }), { id: nextId() });
    expect(r.error?.kind).toBe('io');
    expect(seen.length).toBe(before);
  });

  it('sends basic auth (UTF-8) and bearer auth', async () => {
    await engine.send(spec(`${server.url}/a`, { auth: { type: 'basic', username: 'ü', password: 'p:w' } }), { id: nextId() });
    expect(last().headers.authorization).toBe(`Basic ${Buffer.from('ü:p:w').toString('base64')}`);
    await engine.send(spec(`${server.url}/a`, { auth: { type: 'bearer', token: 'tok123' } }), { id: nextId() });
    expect(last().headers.authorization).toBe('Bearer tok123');
    await engine.send(spec(`${server.url}/a`, { auth: { type: 'bearer', token: 'tok', prefix: 'Token' }, headers: [{ name: 'authorization', value: 'manual', enabled: true }] }), { id: nextId() });
    expect(last().headers.authorization).toBe('Token tok');
  });

  it('sends an API key in a header or in the query', async () => {
    await engine.send(spec(`${server.url}/k`, { auth: { type: 'apikey', key: 'X-Api-Key', value: 'k1', in: 'header' } }), { id: nextId() });
    expect(last().headers['x-api-key']).toBe('k1');
    await engine.send(spec(`${server.url}/k?a=1`, { auth: { type: 'apikey', key: 'api_key', value: 'k 2', in: 'query' } }), { id: nextId() });
    expect(last().url).toBe('/k?a=1&api_key=k%202');
  });

  it('answers a digest challenge with the 401 round trip, body resent', async () => {
    const inner = echoHandler([]);
    const guard = digestProtected('alice', 's3cret', inner);
    const s = await startHttpServer(guard);
    try {
      const ok = await engine.send(spec(`${s.url}/private?q=1`, { method: 'POST', body: { mode: 'json', text: '{"x":1}' }, auth: { type: 'digest', username: 'alice', password: 's3cret' } }), { id: nextId() });
      expect(ok.status).toBe(200);
      expect(JSON.parse(Buffer.from((ok.body as { bytes: Uint8Array }).bytes).toString()).body).toBe('{"x":1}');
      expect(guard.challenges()).toBe(1);
      const bad = await engine.send(spec(`${s.url}/private`, { auth: { type: 'digest', username: 'alice', password: 'wrong' } }), { id: nextId() });
      expect(bad.status).toBe(401);
      expect(bad.error).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});
