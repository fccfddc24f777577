import type { IncomingMessage } from 'node:http';
import type { TestCert } from '../servers/certs';
import { startHttpServer, startHttpsServer } from '../servers/http-server';
import type { TestHandler, TestServer } from '../servers/http-server';

/** A request as a cookie test server saw it. */
export interface CookieSeen {
  readonly path: string;
  /** Every Cookie header line received (RFC 6265: a client sends at most one). */
  readonly cookieLines: string[];
}

/** A running cookie test server and what it received. */
export interface CookieServer extends TestServer {
  readonly seen: CookieSeen[];
  /** The Cookie header of the last request to `path`, undefined when it had none. */
  lastCookie(path: string): string | undefined;
}

function cookieLines(req: IncomingMessage): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]?.toLowerCase() === 'cookie') out.push(req.rawHeaders[i + 1] ?? '');
  return out;
}

/**
 * Routes: `/set?c=<Set-Cookie>&c=...` answers 200 with those Set-Cookie headers; `/redirect?to=URL&c=...`
 * answers 302 to `to` with them; anything else answers 200. Every request's Cookie lines are kept.
 */
function handler(seen: CookieSeen[]): TestHandler {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    seen.push({ path: url.pathname, cookieLines: cookieLines(req) });
    const setCookies = url.searchParams.getAll('c');
    const headers: Record<string, string | string[]> = { 'content-type': 'text/plain' };
    if (setCookies.length > 0) headers['set-cookie'] = setCookies;
    if (url.pathname === '/redirect') {
      res.writeHead(302, { ...headers, location: url.searchParams.get('to') ?? '/' });
      res.end();
      return;
    }
    res.writeHead(200, headers);
    res.end('ok');
  };
}

function withSeen(server: TestServer, seen: CookieSeen[]): CookieServer {
  return {
    ...server,
    seen,
    lastCookie(path) {
      const last = [...seen].reverse().find((s) => s.path === path);
      return last === undefined || last.cookieLines.length === 0 ? undefined : last.cookieLines.join(' | ');
    },
  };
}

/** A plain-HTTP cookie server on 127.0.0.1. */
export async function startCookieServer(): Promise<CookieServer> {
  const seen: CookieSeen[] = [];
  return withSeen(await startHttpServer(handler(seen)), seen);
}

/** An HTTPS cookie server on 127.0.0.1. */
export async function startSecureCookieServer(cert: TestCert): Promise<CookieServer> {
  const seen: CookieSeen[] = [];
  return withSeen(await startHttpsServer(handler(seen), cert), seen);
}

/** `/set` URL that makes the server send these Set-Cookie values. */
export function setUrl(base: string, path: string, ...setCookies: string[]): string {
  const q = setCookies.map((c) => `c=${encodeURIComponent(c)}`).join('&');
  return `${base}${path}${q === '' ? '' : `?${q}`}`;
}
