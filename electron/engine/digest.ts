import { createHash, randomBytes } from 'node:crypto';

/** A parsed `WWW-Authenticate: Digest ...` challenge. */
export interface DigestChallenge {
  readonly realm: string;
  readonly nonce: string;
  readonly qop: string | undefined;
  readonly opaque: string | undefined;
  readonly algorithm: string;
}

/** Parses the first Digest challenge among WWW-Authenticate values, if any. */
export function parseDigestChallenge(values: readonly string[]): DigestChallenge | undefined {
  for (const value of values) {
    const match = /^\s*Digest\s+(.*)$/is.exec(value);
    if (match?.[1] === undefined) continue;
    const params = new Map<string, string>();
    for (const m of match[1].matchAll(/([a-z0-9_-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/gi)) {
      if (m[1] !== undefined) params.set(m[1].toLowerCase(), (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1'));
    }
    const nonce = params.get('nonce');
    if (nonce === undefined) continue;
    const qops = (params.get('qop') ?? '').split(',').map((q) => q.trim());
    return {
      realm: params.get('realm') ?? '',
      nonce,
      qop: qops.includes('auth') ? 'auth' : undefined,
      opaque: params.get('opaque'),
      algorithm: params.get('algorithm') ?? 'MD5',
    };
  }
  return undefined;
}

function hashFor(algorithm: string): (text: string) => string {
  const base = algorithm.toUpperCase().replace(/-SESS$/, '');
  const name = base === 'SHA-256' ? 'sha256' : base === 'SHA-512-256' ? 'sha512-256' : 'md5';
  return (text) => createHash(name).update(text).digest('hex');
}

/** Builds the Authorization header answering a challenge (RFC 7616, qop=auth or legacy RFC 2069). */
export function digestAuthorization(challenge: DigestChallenge, user: string, password: string, method: string, uri: string, nc = 1): string {
  const h = hashFor(challenge.algorithm);
  const cnonce = randomBytes(8).toString('hex');
  const ncText = nc.toString(16).padStart(8, '0');
  let ha1 = h(`${user}:${challenge.realm}:${password}`);
  if (/-sess$/i.test(challenge.algorithm)) ha1 = h(`${ha1}:${challenge.nonce}:${cnonce}`);
  const ha2 = h(`${method}:${uri}`);
  const response = challenge.qop === 'auth' ? h(`${ha1}:${challenge.nonce}:${ncText}:${cnonce}:auth:${ha2}`) : h(`${ha1}:${challenge.nonce}:${ha2}`);
  const parts = [`username="${user.replace(/"/g, '\\"')}"`, `realm="${challenge.realm}"`, `nonce="${challenge.nonce}"`, `uri="${uri}"`, `algorithm=${challenge.algorithm}`, `response="${response}"`];
  if (challenge.qop === 'auth') parts.push('qop=auth', `nc=${ncText}`, `cnonce="${cnonce}"`);
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}
