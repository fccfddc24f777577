import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../electron/cli/send';
import { createTestCert } from '../servers/certs';
import { echoHandler, startHttpServer, startHttpsServer } from '../servers/http-server';
import type { SeenRequest, TestServer } from '../servers/http-server';
import { startSilentServer, unusedPort } from '../servers/raw-server';
import { bufferIo } from './buffer-io';

function termIo(cwd: string, stdin = ''): ReturnType<typeof bufferIo> {
  return bufferIo({ cwd, stdin });
}

interface JsonOut {
  status: number;
  headers: Array<{ name: string; value: string }>;
  body: string;
  bodyEncoding: string;
  sizes: { bodyDecoded: number };
  timings: { total: number };
  redirects: unknown[];
  error: { kind: string; message: string } | null;
}

describe('salvo send', () => {
  let server: TestServer;
  let dir: string;
  const seen: SeenRequest[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'salvo-cli-send-'));
    const echo = echoHandler(seen);
    server = await startHttpServer((req, res, body) => {
      if (req.url === '/redirect') {
        res.writeHead(302, { location: '/landed' });
        res.end();
        return;
      }
      if (req.url === '/teapot') {
        res.writeHead(418, { 'content-type': 'text/plain' });
        res.end('short and stout');
        return;
      }
      if (req.url === '/bin') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(Buffer.from([0, 1, 2, 255]));
        return;
      }
      void echo(req, res, body);
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('prints status line, headers, pretty JSON and timings; exit 0', async () => {
    const io = termIo(dir);
    const code = await send([`${server.url}/hello`, '-H', 'X-One: 1', '-H', 'X-One: 2'], io);
    expect(code).toBe(0);
    const out = io.out();
    expect(out).toMatch(/^HTTP\/1\.1 200 OK\n/);
    expect(out).toContain('content-type: application/json');
    expect(out).toContain('\n  "method": "GET",\n');
    expect(out).toMatch(/dns [\d.]+ ms · connect [\d.]+ ms .* total [\d.]+ ms/);
    expect(seen.at(-1)?.rawHeaders.filter((h) => h === 'X-One')).toHaveLength(2);
  });

  it('exits 0 for a 4xx response', async () => {
    const io = termIo(dir);
    expect(await send(['GET', `${server.url}/teapot`], io)).toBe(0);
    expect(io.out()).toContain('HTTP/1.1 418');
    expect(io.out()).toContain('short and stout');
  });

  it('sends a method and a JSON body, with --output json', async () => {
    const io = termIo(dir);
    const code = await send(['PATCH', `${server.url}/items/1`, '--json', '{"a":1}', '--output', 'json'], io);
    expect(code).toBe(0);
    const out = JSON.parse(io.out()) as JsonOut;
    expect(out.status).toBe(200);
    expect(out.error).toBeNull();
    expect(JSON.parse(out.body)).toMatchObject({ method: 'PATCH', body: '{"a":1}' });
    expect(out.timings.total).toBeGreaterThan(0);
    expect(out.sizes.bodyDecoded).toBe(Buffer.byteLength(out.body));
    expect(seen.at(-1)?.headers['content-type']).toBe('application/json');
  });

  it('sends -d as form text (POST by default) and -d - from stdin', async () => {
    expect(await send([`${server.url}/d`, '-d', 'a=1&b=2'], termIo(dir))).toBe(0);
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: Buffer.from('a=1&b=2') });
    expect(seen.at(-1)?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(await send(['PUT', `${server.url}/d`, '-d', '-', '-H', 'Content-Type: text/plain'], termIo(dir, 'from stdin'))).toBe(0);
    expect(seen.at(-1)?.body.toString()).toBe('from stdin');
    expect(seen.at(-1)?.headers['content-type']).toBe('text/plain');
  });

  it('sends -F fields and files as multipart', async () => {
    await writeFile(join(dir, 'up.txt'), 'file content');
    expect(await send([`${server.url}/upload`, '-F', 'name=salvo', '-F', 'file=@up.txt'], termIo(dir))).toBe(0);
    const last = seen.at(-1);
    const form = await new Response(new Uint8Array(last?.body ?? Buffer.alloc(0)), { headers: { 'content-type': last?.headers['content-type'] ?? '' } }).formData();
    expect(form.get('name')).toBe('salvo');
    expect(await (form.get('file') as File).text()).toBe('file content');
  });

  it('follows redirects by default, not with --no-follow, and fails past --max-redirects', async () => {
    const follow = termIo(dir);
    expect(await send([`${server.url}/redirect`, '--output', 'json'], follow)).toBe(0);
    expect((JSON.parse(follow.out()) as JsonOut).redirects).toHaveLength(1);
    const noFollow = termIo(dir);
    expect(await send([`${server.url}/redirect`, '--no-follow', '--output', 'json'], noFollow)).toBe(0);
    expect((JSON.parse(noFollow.out()) as JsonOut).status).toBe(302);
    const tooMany = termIo(dir);
    expect(await send([`${server.url}/redirect`, '--max-redirects', '0', '--output', 'json'], tooMany)).toBe(1);
    expect((JSON.parse(tooMany.out()) as JsonOut).error?.kind).toBe('too-many-redirects');
  });

  it('prints binary bodies as base64 in JSON and as a note for humans', async () => {
    const json = termIo(dir);
    await send([`${server.url}/bin`, '--output', 'json'], json);
    expect(JSON.parse(json.out())).toMatchObject({ body: 'AAEC/w==', bodyEncoding: 'base64' });
    const human = termIo(dir);
    await send([`${server.url}/bin`], human);
    expect(human.out()).toContain('[binary body, 4 bytes');
  });

  it('exits 1 with error.kind for a failed request', async () => {
    const port = await unusedPort();
    const io = termIo(dir);
    expect(await send([`http://127.0.0.1:${port}/`, '--output', 'json'], io)).toBe(1);
    expect((JSON.parse(io.out()) as JsonOut).error?.kind).toBe('connection-refused');
    const human = termIo(dir);
    expect(await send([`http://127.0.0.1:${port}/`], human)).toBe(1);
    expect(human.err()).toContain('connection-refused');
  });

  it('applies --timeout as the total deadline', async () => {
    const silent = await startSilentServer();
    try {
      const io = termIo(dir);
      expect(await send([`${silent.url}/`, '--timeout', '300', '--output', 'json'], io)).toBe(1);
      const out = JSON.parse(io.out()) as JsonOut;
      expect(out.error?.kind).toBe('timeout');
      expect(out.error?.message).toContain('total');
    } finally {
      await silent.close();
    }
  });

  it('needs --insecure for a self-signed certificate', async () => {
    const cert = await createTestCert();
    const secure = await startHttpsServer(echoHandler([]), cert);
    try {
      const strict = termIo(dir);
      expect(await send([`${secure.url}/`, '--output', 'json'], strict)).toBe(1);
      expect((JSON.parse(strict.out()) as JsonOut).error?.kind).toBe('tls');
      expect(await send([`${secure.url}/`, '--insecure'], termIo(dir))).toBe(0);
    } finally {
      await secure.close();
    }
  });

  it('prints its usage for --help and exits 0', async () => {
    const io = termIo(dir);
    expect(await send(['--help'], io)).toBe(0);
    expect(io.out()).toContain('usage: salvo send [METHOD] URL');
  });

  it.each([[[]], [['GET', 'http://x', 'extra']], [['http://x', '--bogus']], [['http://x', '-H', 'no-colon']], [['http://x', '-d', 'a', '--json', '{}']], [['http://x', '--timeout', 'soon']], [['B@D', 'http://x']], [['http://x', '--output', 'xml']]])('exits 2 on bad usage %j', async (argv) => {
    const io = termIo(dir);
    expect(await send(argv, io)).toBe(2);
    expect(io.err()).toContain('usage: salvo send');
  });
});
