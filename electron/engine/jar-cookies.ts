import type { HopState } from './redirects';
import type { CookieJarPort } from './types';

/** Cookie names in a `Cookie` header value (`a=1; b=2`); a pair without `=` counts as a name. */
function cookieNames(value: string): string[] {
  const names: string[] = [];
  for (const pair of value.split(';')) {
    const eq = pair.indexOf('=');
    const name = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    if (name !== '') names.push(name);
  }
  return names;
}

/**
 * Headers with the jar's cookies added. A `Cookie` header the user typed wins: jar cookies of the
 * same name are left out, the rest follow the user's pairs, and everything goes out as one `Cookie`
 * header in the place of the user's first one (RFC 6265 5.4: never more than one).
 */
export function mergeCookieHeader(headers: ReadonlyArray<readonly [string, string]>, jarHeader: string): Array<readonly [string, string]> {
  const typed: string[] = [];
  let at = -1;
  const out: Array<readonly [string, string]> = [];
  for (const [n, v] of headers) {
    if (n.length === 6 && n.toLowerCase() === 'cookie') {
      if (at < 0) at = out.length;
      if (v.trim() !== '') typed.push(v.trim());
      continue;
    }
    out.push([n, v]);
  }
  const taken = new Set(typed.flatMap(cookieNames));
  const fromJar = taken.size === 0 ? [jarHeader] : jarHeader.split(';').filter((pair) => !taken.has((pair.includes('=') ? pair.slice(0, pair.indexOf('=')) : pair).trim()));
  const value = [...typed, ...fromJar.map((p) => p.trim()).filter((p) => p !== '')].join('; ');
  if (value === '') return out;
  out.splice(at < 0 ? out.length : at, 0, ['Cookie', value]);
  return out;
}

function merged(hop: HopState, header: string | undefined): HopState {
  return header === undefined || header === '' ? hop : { ...hop, headers: mergeCookieHeader(hop.headers, header) };
}

/** The hop as it goes on the wire: with the jar's matching cookies (the same hop when none match). */
export function withJarCookies(jar: CookieJarPort, hop: HopState): HopState | Promise<HopState> {
  const header = jar.cookieHeaderFor(hop.url);
  if (header === undefined) return hop;
  if (header instanceof Promise) return header.then((h) => merged(hop, h), () => hop);
  return merged(hop, header);
}

/** Stores a response's `Set-Cookie` values in the jar; a jar failure never fails the request. */
export function storeResponseCookies(jar: CookieJarPort, url: URL, setCookies: readonly string[]): Promise<void> {
  return jar.store(url, setCookies).catch(() => undefined);
}
