import http from 'node:http';
import net from 'node:net';
import { listenLocal, trackSockets } from './track';

/** A forwarding HTTP proxy (CONNECT tunnels and absolute-form requests) that records what it relayed. */
export interface TestProxy {
  readonly url: string;
  /** `CONNECT host:port` targets and absolute-form request URLs, in order. */
  readonly seen: string[];
  close(): Promise<void>;
}

/** Starts a minimal HTTP proxy on 127.0.0.1. */
export async function startProxy(): Promise<TestProxy> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${req.url ?? ''}`);
    const [host = '', port = '80'] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const track = trackSockets(server);
  const port = await listenLocal(server);
  return { url: `http://127.0.0.1:${port}`, seen, close: () => track.closeAll() };
}
