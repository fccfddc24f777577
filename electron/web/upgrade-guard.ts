import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM } from '../../shared/ipc/web-bridge';

/** Why an upgrade was refused, with the HTTP status to answer. */
export interface Refusal {
  readonly status: 403 | 404;
  readonly message: string;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Host header values this server answers to (DNS-rebinding defence). */
export function allowedHosts(port: number): readonly string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/**
 * Decides whether a WebSocket upgrade may reach the bridge: the path must be the bridge, the
 * Host one of ours, the Origin our own page's, and the token the per-launch one.
 */
export function checkUpgrade(req: IncomingMessage, port: number, token: string): Refusal | undefined {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== BRIDGE_PATH) return { status: 404, message: `no WebSocket endpoint at ${url.pathname.slice(0, 100)}` };
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts(port).includes(host)) return { status: 403, message: `Salvo bridge refused: Host "${host.slice(0, 100)}" is not this server (DNS rebinding?)` };
  const origin = req.headers.origin;
  const own = `http://${host}`;
  if (origin !== own) {
    return { status: 403, message: `Salvo bridge refused: Origin "${String(origin ?? 'none').slice(0, 200)}" is not allowed; only the Salvo page served at ${own} may connect.` };
  }
  const given = url.searchParams.get(BRIDGE_TOKEN_PARAM);
  if (given === null || given === '') return { status: 403, message: 'Salvo bridge refused: no token. Open the full URL printed by `npm run web` (it ends with #token=...).' };
  if (!sameToken(given, token)) return { status: 403, message: 'Salvo bridge refused: wrong token. The token changes at every launch; open the URL printed by this run of `npm run web`.' };
  return undefined;
}
