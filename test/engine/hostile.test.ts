import http2 from 'node:http2';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { createTestCert } from '../servers/certs';
import { echoHandler, startHttpServer } from '../servers/http-server';
import type { TestServer } from '../servers/http-server';
import { rawResponse, startRawServer, startSilentServer } from '../servers/raw-server';
import type { RawScript, RawServer } from '../servers/raw-server';
import { listenLocal } from '../servers/track';
import { nextId, spec, text } from './helpers';

describe('hostile servers', () => {
  let engine: Engine;
  let good: TestServer;
  const raws: RawServer[] = [];

  beforeAll(async () => {
    engine = createEngine();
    good = await startHttpServer(echoHandler([]));
  });
  afterEach(async () => {
    // After every case: nothing left in flight, and the pool still serves a normal request.
    expect(engine.inFlight()).toBe(0);
    const ok = await engine.send(spec(`${good.url}/after`), { id: nextId() });
    expect(ok.status).toBe(200);
    await Promise.all(raws.splice(0).map((s) => s.close()));
  });
  afterAll(async () => {
    await engine.close();
    await good.close();
  });

  async function raw(script: RawScript, options: Parameters<typeof startRawServer>[1] = {}): Promise<RawServer> {
    const s = await startRawServer(script, options);
    raws.push(s);
    return s;
  }

  it('reports a DNS failure', async () => {
    const r = await engine.send(spec('http://no-such-host.invalid/'), { id: nextId() });
    expect(r.error?.kind).toBe('dns');
  });

  it('times out a stalled connect (TLS handshake that never answers) in the connect phase', async () => {
    const s = await raw(() => undefined, { readHead: false });
    const started = Date.now();
    const r = await engine.send(spec(`https://127.0.0.1:${s.port}/`, {}, { connect: 300 }), { id: nextId() });
    expect(r.error?.kind).toBe('timeout');
    expect(r.error?.detail?.phase).toBe('connect');
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('times out missing response headers with our headers timeout, not undici 300 s', async () => {
    const s = await startSilentServer();
    raws.push(s);
    const r = await engine.send(spec(`${s.url}/`, {}, { headers: 300 }), { id: nextId() });
    expect(r.error?.kind).toBe('timeout');
    expect(r.error?.detail?.phase).toBe('headers');
    expect(r.timings.total).toBeLessThan(2500);
  });

  it('times out a trickle slower than the body idle timeout, keeping what arrived', async () => {
    const s = await raw((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nab');
      const t = setInterval(() => socket.write('c'), 700);
      socket.once('close', () => clearInterval(t));
    });
    const r = await engine.send(spec(`${s.url}/`, {}, { bodyIdle: 300 }), { id: nextId() });
    expect(r.error?.kind).toBe('timeout');
    expect(r.error?.detail?.phase).toBe('body');
    expect(r.incomplete).toBe(true);
    expect(text(r.body)).toBe('ab');
  });

  it('catches a trickle just faster than body idle with the total deadline', async () => {
    const s = await raw((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n');
      const t = setInterval(() => socket.write('x'), 50);
      socket.once('close', () => clearInterval(t));
    });
    const r = await engine.send(spec(`${s.url}/`, {}, { bodyIdle: 300, total: 700 }), { id: nextId() });
    expect(r.error?.kind).toBe('timeout');
    expect(r.error?.detail?.phase).toBe('total');
    expect(r.incomplete).toBe(true);
    expect(text(r.body).length).toBeGreaterThan(3);
  });

  it('marks a reset mid-body as an incomplete connection-reset, partial body kept', async () => {
    const s = await raw((socket) => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\npartial-');
      setTimeout(() => socket.resetAndDestroy(), 50);
    });
    const r = await engine.send(spec(`${s.url}/`), { id: nextId() });
    expect(r.error?.kind).toBe('connection-reset');
    expect(r.incomplete).toBe(true);
    expect(r.status).toBe(200);
    expect(text(r.body)).toBe('partial-');
  });

  it('never shows a close before Content-Length as success', async () => {
    const s = await raw((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nonly-some');
    });
    const r = await engine.send(spec(`${s.url}/`), { id: nextId() });
    expect(r.error).toBeDefined();
    expect(['connection-reset', 'protocol']).toContain(r.error?.kind);
    expect(r.incomplete).toBe(true);
    expect(text(r.body)).toBe('only-some');
  });

  it('marks a chunked body missing its last chunk as incomplete', async () => {
    const s = await raw((socket) => {
      socket.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n');
    });
    const r = await engine.send(spec(`${s.url}/`), { id: nextId() });
    expect(r.error).toBeDefined();
    expect(r.incomplete).toBe(true);
    expect(text(r.body)).toBe('hello');
  });

  it.each([
    ['duplicate mismatched Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!'],
    ['malformed status line', 'HTTP/1.1 abc what\r\nContent-Length: 0\r\n\r\n'],
    ['not HTTP at all', 'SSH-2.0-OpenSSH_9.6\r\n\r\n'],
    ['control bytes in a header value', 'HTTP/1.1 200 OK\r\nX-Evil: a\x01\x7fb\r\nContent-Length: 0\r\n\r\n'],
    ['bad chunk encoding', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n'],
    ['both Content-Length and chunked', 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n'],
  ])('rejects %s as a protocol error', async (_name, response) => {
    const s = await raw((socket) => {
      socket.end(Buffer.from(response, 'latin1'));
    });
    const r = await engine.send(spec(`${s.url}/`), { id: nextId() });
    expect(r.error?.kind).toBe('protocol');
  });

  it('rejects oversized headers as a protocol error', async () => {
    const s = await raw((socket) => {
      socket.end(rawResponse('200 OK', [['X-Big', 'a'.repeat(200 * 1024)]], 'x'));
    });
    const r = await engine.send(spec(`${s.url}/`), { id: nextId() });
    expect(r.error?.kind).toBe('protocol');
    expect(r.error?.message).toContain('header');
  });

  it('waits past 103 Early Hints for the real response', async () => {
    const s = await raw((socket) => {
      socket.write('HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n');
      setTimeout(() => socket.write(rawResponse('200 OK', [['Content-Type', 'text/plain'], ['Content-Encoding', 'identity']], 'final')), 30);
    });
    const r = await engine.send(spec(`${s.url}/`), { id: nextId() });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(200);
    expect(text(r.body)).toBe('final');
    expect(r.headers.some(([n]) => n === 'Link')).toBe(false);
  });

  it('decodes a latin1 body by its charset and keeps binary bodies as bytes', async () => {
    const latin = Buffer.from('café déjà', 'latin1');
    const binary = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80]);
    const s = await raw((socket, head) => {
      if (head.includes('/latin')) socket.write(rawResponse('200 OK', [['Content-Type', 'text/plain; charset=ISO-8859-1']], latin));
      else socket.write(rawResponse('200 OK', [], binary));
    });
    const r = await engine.send(spec(`${s.url}/latin`), { id: nextId() });
    expect(r.charset).toBe('windows-1252');
    expect(r.isBinary).toBe(false);
    expect(new TextDecoder(r.charset).decode((r.body as { bytes: Uint8Array }).bytes)).toBe('café déjà');
    const b = await engine.send(spec(`${s.url}/bin`), { id: nextId() });
    expect(b.isBinary).toBe(true);
    expect(Buffer.from((b.body as { bytes: Uint8Array }).bytes).equals(binary)).toBe(true);
  });

  it('reports an HTTP/2 stream reset and a GOAWAY as errors, not successes', async () => {
    const cert = await createTestCert();
    const server = http2.createSecureServer({ key: cert.key, cert: cert.cert });
    server.on('stream', (stream, headers) => {
      // The server side of a stream closed with an error code emits 'error' too.
      stream.on('error', () => undefined);
      const path = String(headers[':path']);
      if (path === '/reset') {
        // With a declared length the cut is detectable: undici reports an RST_STREAM as a normal end.
        stream.respond({ ':status': 200, 'content-length': '100' });
        stream.write('part');
        setTimeout(() => stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR), 20);
      } else if (path === '/goaway') {
        stream.session?.goaway(http2.constants.NGHTTP2_PROTOCOL_ERROR);
        setTimeout(() => stream.session?.destroy(), 20);
      } else {
        stream.respond({ ':status': 200 });
        stream.end('ok');
      }
    });
    const port = await listenLocal(server);
    const o = { options: { ...spec('x').options, http2: true, caFile: cert.certFile } };
    try {
      const reset = await engine.send(spec(`https://127.0.0.1:${port}/reset`, o), { id: nextId() });
      expect(reset.error).toBeDefined();
      expect(reset.incomplete).toBe(true);
      const goaway = await engine.send(spec(`https://127.0.0.1:${port}/goaway`, o, { headers: 1000 }), { id: nextId() });
      expect(goaway.error).toBeDefined();
      const ok = await engine.send(spec(`https://127.0.0.1:${port}/ok`, o), { id: nextId() });
      expect(ok.status).toBe(200);
    } finally {
      await engine.close();
      engine = createEngine();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
