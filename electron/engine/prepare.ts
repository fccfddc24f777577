import { SalvoError } from '../../shared/model/errors';
import type { RequestSpec } from '../../shared/model/request';
import { authEffect } from './auth';
import { RecentByIdentity } from './recent-by-identity';
import { prepareBody, prepareBodyNow } from './request-body';
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
/** Accept and Accept-Encoding, sent unless the request sets its own. */
export const DEFAULT_ACCEPT = '*/*';
export const DEFAULT_ACCEPT_ENCODING = 'gzip, deflate, br';

/** Recently parsed URL texts (never handed out: callers get a copy or a URL nobody mutates). */
const parsedUrls = new Map<string, URL>();
const PARSED_MAX = 256;

/**
 * A parsed request URL. The same text is parsed once per process while it stays among the
 * recent ones: a batch sends one URL thousands of times. With a query still to append, the caller
 * gets its own copy, since appending mutates it; otherwise the shared URL, which nothing mutates
 * (redirect hops resolve new URLs against it).
 */
function requestUrl(raw: string, willMutate: boolean): URL {
  let url = parsedUrls.get(raw);
  if (url === undefined) {
    url = parseRequestUrl(raw);
    if (parsedUrls.size >= PARSED_MAX) parsedUrls.clear();
    parsedUrls.set(raw, url);
  }
  return willMutate ? new URL(url.href) : url;
}

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

const NO_NAMES: readonly string[] = [];

/** Which of the default headers a request already sets (by any case of the name). */
interface HeaderSeen {
  userAgent: boolean;
  accept: boolean;
  acceptEncoding: boolean;
  contentType: boolean;
  contentLength: boolean;
}

function noteHeader(seen: HeaderSeen, name: string): void {
  switch (name.toLowerCase()) {
    case 'user-agent':
      seen.userAgent = true;
      break;
    case 'accept':
      seen.accept = true;
      break;
    case 'accept-encoding':
      seen.acceptEncoding = true;
      break;
    case 'content-type':
      seen.contentType = true;
      break;
    case 'content-length':
      seen.contentLength = true;
      break;
  }
}

/** The checks that need no body: method and URL (thrown before any file is read). */
function checkedUrl(spec: RequestSpec): URL {
  if (spec.method.toUpperCase() === 'CONNECT') throw new SalvoError('invalid-input', 'CONNECT requests cannot be sent; use the proxy setting instead');
  const willMutate = spec.params.length > 0 || spec.auth.type === 'apikey';
  return requestUrl(spec.url, willMutate);
}

function assemble(spec: RequestSpec, url: URL, extraSensitive: readonly string[], body: PreparedBody): PreparedRequest {
  const auth = authEffect(spec.auth);
  const query: Array<readonly [string, string]> = [];
  for (const p of spec.params) if (p.enabled && p.name !== '') query.push([p.name, p.value]);
  for (const pair of auth.query) query.push(pair);
  appendQuery(url, query);
  const authNames = auth.headers.length === 0 ? undefined : new Set(auth.headers.map(([n]) => n.toLowerCase()));
  const seen: HeaderSeen = { userAgent: false, accept: false, acceptEncoding: false, contentType: false, contentLength: false };
  const headers: Array<[string, string]> = [];
  for (const h of spec.headers) {
    // An auth setting replaces a hand-written header of the same name rather than sending both.
    if (!h.enabled || h.name === '' || authNames?.has(h.name.toLowerCase()) === true) continue;
    headers.push([h.name, h.value]);
    noteHeader(seen, h.name);
  }
  for (const [n, v] of auth.headers) {
    headers.push([n, v]);
    noteHeader(seen, n);
  }
  const hasBody = spec.body.mode !== 'none';
  if (!seen.userAgent) headers.push(['User-Agent', USER_AGENT]);
  if (!seen.accept) headers.push(['Accept', DEFAULT_ACCEPT]);
  if (!seen.acceptEncoding) headers.push(['Accept-Encoding', DEFAULT_ACCEPT_ENCODING]);
  if (hasBody && body.contentType !== undefined && !seen.contentType) headers.push(['Content-Type', body.contentType]);
  if (hasBody && !seen.contentLength) headers.push(['Content-Length', String(body.length)]);
  const sensitiveNames = extraSensitive.length === 0 && auth.sensitiveNames.length === 0 ? NO_NAMES : [...extraSensitive.map((n) => n.toLowerCase()), ...auth.sensitiveNames];
  return { method: spec.method, url, headers, body, hasBody, sensitiveNames, digest: auth.digest };
}

/**
 * Builds URL, headers (auth, defaults, body type/length) and a replayable body from a resolved spec.
 * Synchronous unless the body needs the file system (multipart, binary): most sends wait for nothing.
 */
export function prepareRequest(spec: RequestSpec, extraSensitive: readonly string[]): PreparedRequest | Promise<PreparedRequest> {
  const kept = preparedBySpec.get(spec);
  if (kept !== undefined && kept.extraSensitive === extraSensitive) return kept.prepared;
  const url = checkedUrl(spec);
  const now = prepareBodyNow(spec.body);
  if (now === undefined) return prepareBody(spec.body).then((body) => assemble(spec, url, extraSensitive, body));
  const prepared = assemble(spec, url, extraSensitive, now);
  preparedBySpec.set(spec, { extraSensitive, prepared });
  return prepared;
}

/**
 * First hops prepared without the file system, by spec object: nothing in a prepared request
 * changes between sends (its body replays, nothing mutates its URL or header list; auth is basic,
 * bearer, API key or digest, none of which depends on the moment). Bodies read from files are
 * prepared afresh every time.
 */
const preparedBySpec = new RecentByIdentity<RequestSpec, { readonly extraSensitive: readonly string[]; readonly prepared: PreparedRequest }>();
