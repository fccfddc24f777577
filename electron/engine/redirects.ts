import { SalvoError } from '../../shared/model/errors';

/** Statuses Salvo follows (300 and 304 are final responses). */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Always removed on a change of origin, whatever the request said. */
const ALWAYS_SENSITIVE = ['authorization', 'cookie', 'proxy-authorization'];

/** Headers that describe a body; removed when a redirect turns the request into a bodiless GET. */
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding', 'transfer-encoding']);

/** The request state a redirect decision needs. */
export interface HopState {
  readonly method: string;
  readonly url: URL;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly hasBody: boolean;
}

/** Rules for dropping credentials on a cross-origin hop. */
export interface Hygiene {
  /** Lower-case header / query names filled from auth settings or secrets. */
  readonly sensitiveNames: readonly string[];
  readonly secretValues: readonly string[];
}

/** The next hop of a redirect. */
export interface NextHop extends HopState {
  readonly crossOrigin: boolean;
  readonly droppedCredentials: boolean;
  readonly downgrade: boolean;
}

function containsSecret(value: string, secrets: readonly string[]): boolean {
  return secrets.some((s) => s.length > 0 && value.includes(s));
}

/** Resolves a Location header against the current URL; only http(s) targets are followed. */
export function resolveLocation(location: string, base: URL): URL {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch {
    throw new SalvoError('protocol', `The server redirected to an invalid Location: ${location.slice(0, 200)}`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new SalvoError('protocol', `The server redirected to a ${next.protocol} URL, which is not followed`);
  // The fragment of the original URL carries over when the Location has none (RFC 9110 10.2.2).
  if (next.hash === '' && base.hash !== '') next.hash = base.hash;
  return next;
}

/**
 * Computes the next request of a redirect: method rules (301/302 after POST and 303 become GET
 * without a body; 307/308 keep both) and, on a change of origin, credential hygiene for headers
 * and for query parameters of the new URL.
 */
export function nextHop(current: HopState, status: number, location: string, hygiene: Hygiene): NextHop {
  const url = resolveLocation(location, current.url);
  const toGet = ((status === 301 || status === 302) && current.method === 'POST') || (status === 303 && current.method !== 'GET' && current.method !== 'HEAD');
  const method = toGet ? 'GET' : current.method;
  const crossOrigin = url.origin !== current.url.origin;
  const sensitive = new Set([...ALWAYS_SENSITIVE, ...hygiene.sensitiveNames.map((n) => n.toLowerCase())]);
  let dropped = false;
  const headers = current.headers.filter(([name, value]) => {
    const lower = name.toLowerCase();
    if (toGet && BODY_HEADERS.has(lower)) return false;
    if (lower === 'host') return false;
    if (crossOrigin && (sensitive.has(lower) || containsSecret(value, hygiene.secretValues))) {
      dropped = true;
      return false;
    }
    return true;
  });
  if (crossOrigin) {
    for (const [name, value] of [...url.searchParams.entries()]) {
      if (sensitive.has(name.toLowerCase()) || containsSecret(value, hygiene.secretValues) || containsSecret(name, hygiene.secretValues)) {
        url.searchParams.delete(name);
        dropped = true;
      }
    }
  }
  return {
    method,
    url,
    headers,
    hasBody: current.hasBody && !toGet,
    crossOrigin,
    droppedCredentials: dropped,
    downgrade: current.url.protocol === 'https:' && url.protocol === 'http:',
  };
}
