import http from 'node:http';
import type { Socket } from 'node:net';

/** One request as the target saw it. */
export interface Arrival {
  readonly path: string;
  readonly at: number;
  readonly headers: http.IncomingHttpHeaders;
}

/** A 127.0.0.1 target for batch tests: counts concurrency, records arrivals, tracks open sockets. */
export interface TargetServer {
  readonly url: string;
  readonly arrivals: Arrival[];
  maxInFlight(): number;
  inFlight(): number;
  openSockets(): number;
  /** Requests whose client went away before the answer was written. */
  aborted(): number;
  close(): Promise<void>;
}

/**
 * Routes: `/json` small JSON; `/slow/<ms>` answers after ms; `/status/<code>`; `/login/<n>` gives
 * `{"token":"tok-<n>"}`; `/echo/...` echoes url and authorization; `/flaky/<key>/<n>` answers 503
 * with Retry-After: 0 the first n times per key, then 200.
 */
export async function startTarget(): Promise<TargetServer> {
  const arrivals: Arrival[] = [];
  const sockets = new Set<Socket>();
  const flaky = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  let aborted = 0;
  const server = http.createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const path = req.url ?? '/';
    arrivals.push({ path, at: performance.now(), headers: req.headers });
    let finished = false;
    res.on('close', () => {
      if (!finished) aborted++;
      inFlight--;
    });
    const send = (status: number, body: string, headers: Record<string, string> = {}): void => {
      if (res.destroyed) return;
      finished = true;
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body);
    };
    req.resume();
    req.on('end', () => {
      const parts = path.split('?')[0]?.split('/') ?? [];
      const route = parts[1] ?? '';
      if (route === 'slow') {
        const timer = setTimeout(() => send(200, '{"slow":true}'), Number(parts[2] ?? 50));
        res.on('close', () => clearTimeout(timer));
      } else if (route === 'status') send(Number(parts[2] ?? 200), '{}');
      else if (route === 'login') send(200, JSON.stringify({ token: `tok-${parts[2] ?? '0'}` }), { 'x-session': `s-${parts[2] ?? '0'}` });
      else if (route === 'echo') send(200, JSON.stringify({ url: path, authorization: req.headers.authorization ?? null }));
      else if (route === 'flaky') {
        const key = parts[2] ?? '';
        const seen = flaky.get(key) ?? 0;
        flaky.set(key, seen + 1);
        if (seen < Number(parts[3] ?? 1)) send(503, '{"busy":true}', { 'retry-after': '0' });
        else send(200, '{"ok":true}');
      } else send(200, '{"ok":true,"items":[1,2,3]}');
    });
  });
  server.keepAliveTimeout = 5000;
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    arrivals,
    maxInFlight: () => maxInFlight,
    inFlight: () => inFlight,
    openSockets: () => sockets.size,
    aborted: () => aborted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Waits until a condition holds (polling, bounded). */
export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
