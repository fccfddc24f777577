import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import type { Engine } from '../../electron/engine';
import { createTestCa, createTestCert } from '../servers/certs';
import type { TestCert } from '../servers/certs';
import { echoHandler, startHttpServer, startHttpsServer } from '../servers/http-server';
import type { SeenRequest, TestServer } from '../servers/http-server';
import { nextId, spec } from './helpers';

describe('HTTPS and certificates', () => {
  let engine: Engine;
  let cert: TestCert;
  let server: TestServer;
  const seen: SeenRequest[] = [];

  beforeAll(async () => {
    engine = createEngine();
    cert = await createTestCert();
    server = await startHttpsServer(echoHandler(seen), cert);
  });
  afterAll(async () => {
    await engine.close();
    await server.close();
  });

  const opts = (o: Partial<ReturnType<typeof spec>['options']>) => ({ options: { ...spec('x').options, ...o } });

  it('refuses a self-signed certificate with the certificate facts, sending nothing', async () => {
    const before = seen.length;
    const r = await engine.send(spec(`${server.url}/`), { id: nextId() });
    expect(r.error?.kind).toBe('tls');
    expect(r.error?.message).toContain('self-signed');
    expect(r.error?.detail?.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(String(r.error?.detail?.subject)).toContain('CN=localhost');
    expect(String(r.error?.detail?.issuer)).toContain('CN=localhost');
    expect(typeof r.error?.detail?.validTo).toBe('string');
    expect(seen.length).toBe(before);
  });

  it('accepts it when verification is off for this request only', async () => {
    const r = await engine.send(spec(`${server.url}/`, opts({ verifyTls: false })), { id: nextId() });
    expect(r.status).toBe(200);
    expect(r.timings.tls).toBeGreaterThan(0);
    const again = await engine.send(spec(`${server.url}/`), { id: nextId() });
    expect(again.error?.kind).toBe('tls');
  });

  it('trusts a custom CA file', async () => {
    const r = await engine.send(spec(`${server.url}/`, opts({ caFile: cert.certFile })), { id: nextId() });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.reusedConnection).toBe(false);
  });

  it('reports an unreadable CA file as io', async () => {
    const r = await engine.send(spec(`${server.url}/`, opts({ caFile: '/nonexistent/ca.pem' })), { id: nextId() });
    expect(r.error?.kind).toBe('io');
  });

  it('reports an expired certificate as expired, with its dates', async () => {
    const ca = await createTestCa();
    const expired = await createTestCert({ expired: true, ca });
    const s = await startHttpsServer(echoHandler([]), expired);
    try {
      const r = await engine.send(spec(`${s.url}/`, opts({ caFile: ca.certFile })), { id: nextId() });
      expect(r.error?.kind).toBe('tls');
      expect(r.error?.detail?.code).toBe('CERT_HAS_EXPIRED');
      expect(r.error?.message).toContain('expired');
      expect(new Date(String(r.error?.detail?.validTo)).getTime()).toBeLessThan(Date.now());
    } finally {
      await s.close();
    }
  });

  it('presents a client certificate and key', async () => {
    const ca = await createTestCa();
    const client = await createTestCert({ ca, cn: 'salvo-client' });
    const s = await startHttpsServer(
      (req, res) => {
        const peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate();
        res.end(peer.subject?.CN ?? 'none');
      },
      cert,
      { requestClientCert: ca.cert },
    );
    try {
      const without = await engine.send(spec(`${s.url}/`, opts({ caFile: cert.certFile })), { id: nextId() });
      expect(without.error).toBeDefined();
      const r = await engine.send(spec(`${s.url}/`, opts({ caFile: cert.certFile, clientCertFile: client.certFile, clientKeyFile: client.keyFile })), { id: nextId() });
      expect(r.error).toBeUndefined();
      expect(Buffer.from((r.body as { bytes: Uint8Array }).bytes).toString()).toBe('salvo-client');
    } finally {
      await s.close();
    }
  });

  it('speaks HTTP/2 when asked, over one session', async () => {
    const http2 = await import('node:http2');
    const h2 = http2.createSecureServer({ key: cert.key, cert: cert.cert, allowHTTP1: true }, (req, res) => {
      res.setHeader('content-type', 'text/plain');
      res.end(`v${req.httpVersion}`);
    });
    const { listenLocal } = await import('../servers/track');
    const port = await listenLocal(h2);
    try {
      const o = opts({ http2: true, caFile: cert.certFile });
      const r = await engine.send(spec(`https://127.0.0.1:${port}/`, o), { id: nextId() });
      expect(r.error).toBeUndefined();
      expect(r.httpVersion).toBe('2');
      expect(Buffer.from((r.body as { bytes: Uint8Array }).bytes).toString()).toBe('v2.0');
      const r2 = await engine.send(spec(`https://127.0.0.1:${port}/`, o), { id: nextId() });
      expect(r2.reusedConnection).toBe(true);
      const h1 = await engine.send(spec(`https://127.0.0.1:${port}/`, opts({ caFile: cert.certFile })), { id: nextId() });
      expect(h1.httpVersion).toBe('1.1');
    } finally {
      await engine.close();
      engine = createEngine();
      await new Promise<void>((resolve) => h2.close(() => resolve()));
    }
  });

  it('still serves plain HTTP after TLS failures', async () => {
    const plain = await startHttpServer(echoHandler([]));
    try {
      const r = await engine.send(spec(`${plain.url}/`), { id: nextId() });
      expect(r.status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});
