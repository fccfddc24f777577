import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import type { Emit, Handlers } from '../../shared/ipc/contract';
import type { EventFrame } from '../../shared/ipc/web-bridge';
import { MAX_FRAME_BYTES, serveBridgeSocket } from './bridge-socket';
import { staticSecurityHeaders } from './csp';
import { readStaticFile } from '../fs/static-files';
import { allowedHosts, checkUpgrade } from './upgrade-guard';

/** The handler set behind the bridge and how to shut it down. */
export interface BridgedApp {
  readonly handlers: Handlers;
  close(): Promise<void>;
}

export interface WebServerOptions {
  /** 0 or absent: a random free port. */
  readonly port?: number;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** Builds the handlers, given the broadcast used for events. */
  readonly createApp: (emit: Emit) => Promise<BridgedApp>;
  /** Fixed token (tests); a fresh random one by default. */
  readonly token?: string;
}

/** A running browser-mode server. */
export interface WebServer {
  /** The URL to open, token included (in the fragment, so page requests never carry it). */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  /** Connected bridge clients (tests, diagnostics). */
  clientCount(): number;
  close(): Promise<void>;
}

function refuseUpgrade(socket: Duplex, status: 403 | 404, message: string): void {
  const body = `${message}\n`;
  const reason = status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

function plain(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(`${message}\n`);
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, port: number): Promise<void> {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts(port).includes(host)) return plain(res, 403, `Host "${host.slice(0, 100)}" is not this server`);
  if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'only GET and HEAD');
  const pathname = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
  const found = await readStaticFile(rendererDir, pathname);
  if (found.kind === 'forbidden') return plain(res, 403, 'path outside the app bundle');
  if (found.kind === 'not-found') return plain(res, 404, 'not found');
  res.writeHead(200, { ...staticSecurityHeaders(`http://${host}`), 'Content-Type': found.contentType, 'Content-Length': found.body.length });
  res.end(req.method === 'HEAD' ? undefined : found.body);
}

/**
 * Serves the built renderer and the WebSocket bridge on 127.0.0.1 only. Upgrades need the
 * per-launch token and our own Origin; every invoke goes through `dispatch`.
 */
export async function createWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const clients = new Set<WebSocket>();
  const emit: Emit = (channel, payload) => {
    const frame: EventFrame = { t: 'event', channel, payload } as EventFrame;
    const text = JSON.stringify(frame);
    for (const client of clients) if (client.readyState === client.OPEN) client.send(text);
  };
  const app = await opts.createApp(emit);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  const server = createServer((req, res) => {
    serveStatic(req, res, opts.rendererDir, port).catch((err: unknown) => {
      if (!res.headersSent) plain(res, 500, `internal error: ${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
    });
  });
  let port = 0;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = checkUpgrade(req, port, token);
    if (refusal !== undefined) return refuseUpgrade(socket, refusal.status, refusal.message);
    wss.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      serveBridgeSocket(ws, app.handlers);
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: opts.port ?? 0, exclusive: true }, () => resolve());
    });
  } catch (err) {
    await app.close();
    throw err;
  }
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  let closing: Promise<void> | undefined;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    clientCount: () => clients.size,
    close: () => {
      closing ??= (async () => {
        for (const client of clients) client.terminate();
        clients.clear();
        wss.close();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        await app.close();
      })();
      return closing;
    },
  };
}
