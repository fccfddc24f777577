import net from 'node:net';
import type { Socket } from 'node:net';
import tls from 'node:tls';
import type { TestCert } from './certs';
import { listenLocal, trackSockets } from './track';

/** A raw TCP (or TLS) server whose script writes whatever bytes a test needs. */
export interface RawServer {
  readonly url: string;
  readonly port: number;
  /** Requests (head text) received so far. */
  readonly heads: string[];
  connections(): number;
  close(): Promise<void>;
}

/** Called once per request head; write raw bytes to the socket, end or destroy it as the case needs. */
export type RawScript = (socket: Socket, head: string, index: number) => void;

/**
 * Starts a server that reads each request head (up to the blank line, body ignored) and hands the
 * socket to `script`. With `tls`, the same over TLS with the given certificate.
 */
export async function startRawServer(script: RawScript, options: { tls?: TestCert; readHead?: boolean } = {}): Promise<RawServer> {
  const heads: string[] = [];
  let count = 0;
  const onSocket = (socket: Socket): void => {
    count += 1;
    socket.on('error', () => undefined);
    if (options.readHead === false) {
      script(socket, '', heads.length);
      return;
    }
    let buffered = '';
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('latin1');
      const end = buffered.indexOf('\r\n\r\n');
      if (end === -1) return;
      const head = buffered.slice(0, end);
      buffered = buffered.slice(end + 4);
      heads.push(head);
      script(socket, head, heads.length - 1);
    };
    socket.on('data', onData);
  };
  const server = options.tls === undefined ? net.createServer(onSocket) : tls.createServer({ key: options.tls.key, cert: options.tls.cert }, onSocket);
  const track = trackSockets(server);
  const port = await listenLocal(server);
  return { url: `${options.tls === undefined ? 'http' : 'https'}://127.0.0.1:${port}`, port, heads, connections: () => count, close: () => track.closeAll() };
}

/** A server that accepts TCP connections and never writes a byte (headers timeout cases). */
export function startSilentServer(): Promise<RawServer> {
  return startRawServer(() => undefined);
}

/** A port with nothing listening (bound, then closed). */
export async function unusedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listenLocal(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A full HTTP/1.1 response as raw text (Content-Length computed unless given in `headers`). */
export function rawResponse(status: string, headers: ReadonlyArray<readonly [string, string]>, body: string | Buffer = ''): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const hasLength = headers.some(([n]) => n.toLowerCase() === 'content-length' || n.toLowerCase() === 'transfer-encoding');
  const lines = [`HTTP/1.1 ${status}`, ...headers.map(([n, v]) => `${n}: ${v}`), ...(hasLength ? [] : [`Content-Length: ${bytes.length}`])];
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bytes]);
}
