import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TestHandler } from './http-server';

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');

function params(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of header.matchAll(/([a-z0-9_-]+)=(?:"([^"]*)"|([^\s,]+))/gi)) if (m[1] !== undefined) out.set(m[1].toLowerCase(), m[2] ?? m[3] ?? '');
  return out;
}

/**
 * Wraps a handler with real HTTP Digest verification (RFC 7616, MD5, qop=auth): a request without
 * a valid answer gets a 401 challenge; `challenges()` counts them.
 */
export function digestProtected(user: string, password: string, inner: TestHandler, realm = 'salvo-test'): TestHandler & { challenges(): number } {
  const nonces = new Set<string>();
  let challenges = 0;
  const challenge = (res: ServerResponse): void => {
    challenges += 1;
    const nonce = randomBytes(16).toString('hex');
    nonces.add(nonce);
    res.writeHead(401, { 'WWW-Authenticate': `Digest realm="${realm}", qop="auth", nonce="${nonce}", opaque="abc", algorithm=MD5`, 'content-type': 'text/plain' });
    res.end('auth required');
  };
  const handler = (req: IncomingMessage, res: ServerResponse, body: Buffer): void | Promise<void> => {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Digest ')) return challenge(res);
    const p = params(header.slice(7));
    const nonce = p.get('nonce') ?? '';
    if (!nonces.has(nonce) || p.get('username') !== user || p.get('uri') !== req.url) return challenge(res);
    const ha1 = md5(`${user}:${realm}:${password}`);
    const ha2 = md5(`${req.method}:${p.get('uri') ?? ''}`);
    const expected = md5(`${ha1}:${nonce}:${p.get('nc') ?? ''}:${p.get('cnonce') ?? ''}:auth:${ha2}`);
    if (p.get('response') !== expected) return challenge(res);
    return inner(req, res, body);
  };
  return Object.assign(handler, { challenges: () => challenges });
}
