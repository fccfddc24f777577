import { SalvoError } from '../../shared/model/errors';
import type { RequestSpec } from '../../shared/model/request';
import { authEffect } from './auth';
import { prepareBody } from './request-body';
import type { PreparedBody } from './request-body';

/** A resolved spec turned into what goes on the wire for the first hop. */
export interface PreparedRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Array<[string, string]>;
  readonly body: PreparedBody;
  readonly hasBody: boolean;
  readonly sensitiveNames: readonly string[];
  readonly digest: { readonly username: string; readonly password: string } | undefined;
}

/** Salvo's User-Agent, sent unless the request sets its own. */
export const USER_AGENT = 'salvo/0.1';

/** Parses the URL bar: a missing scheme means http, only http(s) is sent. */
export function parseRequestUrl(raw: string): URL {
  const text = raw.trim();
  if (text === '') throw new SalvoError('invalid-url', 'The URL is empty');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new SalvoError('invalid-url', `Not a valid URL: ${text.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SalvoError('invalid-url', `Only http and https URLs can be sent, not ${url.protocol}`);
  if (url.hostname === '') throw new SalvoError('invalid-url', `The URL has no host: ${text.slice(0, 200)}`);
  return url;
}

function appendQuery(url: URL, pairs: ReadonlyArray<readonly [string, string]>): void {
  if (pairs.length === 0) return;
  // Appended by hand so the query already in the URL is sent exactly as typed.
  const extra = pairs.map(([n, v]) => `${encodeURIComponent(n)}=${encodeURIComponent(v)}`).join('&');
  url.search = url.search === '' || url.search === '?' ? `?${extra}` : `${url.search}&${extra}`;
}

function hasHeader(headers: ReadonlyArray<readonly [string, string]>, name: string): boolean {
  const lower = name.toLowerCase();
  return headers.some(([n]) => n.toLowerCase() === lower);
}

/** Builds URL, headers (auth, defaults, body type/length) and a replayable body from a resolved spec. */
export async function prepareRequest(spec: RequestSpec, extraSensitive: readonly string[]): Promise<PreparedRequest> {
  if (spec.method.toUpperCase() === 'CONNECT') throw new SalvoError('invalid-input', 'CONNECT requests cannot be sent; use the proxy setting instead');
  const url = parseRequestUrl(spec.url);
  const auth = authEffect(spec.auth);
  appendQuery(url, [...spec.params.filter((p) => p.enabled && p.name !== '').map((p) => [p.name, p.value] as const), ...auth.query]);
  const authNames = new Set(auth.headers.map(([n]) => n.toLowerCase()));
  // An auth setting replaces a hand-written header of the same name rather than sending both.
  const headers: Array<[string, string]> = spec.headers.filter((h) => h.enabled && h.name !== '' && !authNames.has(h.name.toLowerCase())).map((h) => [h.name, h.value]);
  headers.push(...auth.headers.map(([n, v]) => [n, v] as [string, string]));
  const body = await prepareBody(spec.body);
  const hasBody = spec.body.mode !== 'none';
  if (!hasHeader(headers, 'user-agent')) headers.push(['User-Agent', USER_AGENT]);
  if (!hasHeader(headers, 'accept')) headers.push(['Accept', '*/*']);
  if (!hasHeader(headers, 'accept-encoding')) headers.push(['Accept-Encoding', 'gzip, deflate, br']);
  if (hasBody && body.contentType !== undefined && !hasHeader(headers, 'content-type')) headers.push(['Content-Type', body.contentType]);
  if (hasBody && !hasHeader(headers, 'content-length')) headers.push(['Content-Length', String(body.length)]);
  return { method: spec.method, url, headers, body, hasBody, sensitiveNames: [...extraSensitive.map((n) => n.toLowerCase()), ...auth.sensitiveNames], digest: auth.digest };
}
