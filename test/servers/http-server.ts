import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { listenLocal, trackSockets } from './track';
import type { TestCert } from './certs';

/** A running 127.0.0.1 test server. */
export interface TestServer {
  /** e.g. `http://127.0.0.1:41234` (no trailing slash). */
  readonly url: string;
  readonly port: number;
  /** Connections accepted so far (for reuse checks). */
  connections(): number;
  close(): Promise<void>;
}

/** A request as the server saw it, body included. */
export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly rawHeaders: string[];
  readonly body: Buffer;
}

/** Handler of a test server: gets the fully read request body. */
export type TestHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

function wrap(handler: TestHandler): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      Promise.resolve(handler(req, res, Buffer.concat(chunks))).catch((err: unknown) => {
        if (!res.headersSent) res.writeHead(500);
        res.end(String(err));
      });
    });
  };
}

async function start(server: http.Server | https.Server, scheme: 'http' | 'https'): Promise<TestServer> {
  const track = trackSockets(server);
  let count = 0;
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', () => {
    count += 1;
  });
  // Short keep-alive so a stray socket cannot outlive a test for long.
  server.keepAliveTimeout = 5_000;
  const port = await listenLocal(server);
  return { url: `${scheme}://127.0.0.1:${port}`, port, connections: () => count, close: () => track.closeAll() };
}

/** Plain HTTP server on 127.0.0.1 with an ephemeral port. */
export function startHttpServer(handler: TestHandler): Promise<TestServer> {
  return start(http.createServer(wrap(handler)), 'http');
}

/** HTTPS server on 127.0.0.1 with a certificate from `createTestCert` (optionally requiring a client cert). */
export function startHttpsServer(handler: TestHandler, cert: TestCert, options: { requestClientCert?: string } = {}): Promise<TestServer> {
  const server = https.createServer(
    {
      key: cert.key,
      cert: cert.cert,
      ...(options.requestClientCert === undefined ? {} : { requestCert: true, rejectUnauthorized: true, ca: [options.requestClientCert] }),
    },
    wrap(handler),
  );
  return start(server, 'https');
}

/** Records what a server received and answers with a small JSON echo. */
export function echoHandler(seen: SeenRequest[]): TestHandler {
  return (req, res, body) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders, body });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: body.toString('utf8') }));
  };
}
