import type { KeyValue } from '../../shared/model/request';

/** Splits a URL into the part before `?`, the raw query and the `#fragment` (both without their marker). */
export function splitUrl(url: string): { base: string; query: string; hash: string } {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const hash = hashAt >= 0 ? url.slice(hashAt + 1) : '';
  const q = beforeHash.indexOf('?');
  if (q < 0) return { base: beforeHash, query: '', hash };
  return { base: beforeHash.slice(0, q), query: beforeHash.slice(q + 1), hash };
}

// Decoding is lenient: a `%` that is not a valid escape (or a `{{var}}`) stays as typed.
function decodeLenient(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Parses a raw query string into enabled rows (order and duplicates kept). */
export function parseQuery(query: string): KeyValue[] {
  if (query === '') return [];
  return query.split('&').map((part) => {
    const eq = part.indexOf('=');
    const name = eq >= 0 ? part.slice(0, eq) : part;
    const value = eq >= 0 ? part.slice(eq + 1) : '';
    return { name: decodeLenient(name), value: decodeLenient(value), enabled: true };
  });
}

// Encode only what would break the query structure; keep `{{var}}` templates readable.
function encodePart(text: string): string {
  return text.replace(/[%&=#+ ]/g, (ch) => (ch === ' ' ? '%20' : encodeURIComponent(ch))).replace(/%(?![0-9A-Fa-f]{2})/g, '%25');
}

/** Builds a query string from the enabled rows. */
export function buildQuery(params: readonly KeyValue[]): string {
  return params
    .filter((p) => p.enabled && (p.name !== '' || p.value !== ''))
    .map((p) => (p.value === '' && p.name !== '' ? encodePart(p.name) : `${encodePart(p.name)}=${encodePart(p.value)}`))
    .join('&');
}

/** The URL shown in the URL bar: the base URL with the enabled params as its query. */
export function displayUrl(baseUrl: string, params: readonly KeyValue[]): string {
  const { base, query, hash } = splitUrl(baseUrl);
  const built = buildQuery(params);
  const q = [query, built].filter((s) => s !== '').join('&');
  return `${base}${q === '' ? '' : `?${q}`}${hash === '' ? '' : `#${hash}`}`;
}

/**
 * Applies a URL typed in the URL bar: its query becomes the enabled rows; disabled rows are kept
 * (they are not in the URL), so toggling a row off and editing the URL loses nothing.
 */
export function applyUrlEdit(typed: string, params: readonly KeyValue[]): { url: string; params: KeyValue[] } {
  const { base, query, hash } = splitUrl(typed);
  const fromUrl = parseQuery(query);
  const enabledOld = params.filter((p) => p.enabled);
  // Keep descriptions of rows that still exist at the same position.
  const merged = fromUrl.map((row, i) => {
    const old = enabledOld[i];
    return old?.description !== undefined ? { ...row, description: old.description } : row;
  });
  const disabled = params.filter((p) => !p.enabled);
  return { url: `${base}${hash === '' ? '' : `#${hash}`}`, params: [...merged, ...disabled] };
}

/** Moves any query found in a spec's URL into its params (the canonical saved form). */
export function normalizeUrlParams(url: string, params: readonly KeyValue[]): { url: string; params: KeyValue[] } {
  const { base, query, hash } = splitUrl(url);
  if (query === '') return { url, params: [...params] };
  return { url: `${base}${hash === '' ? '' : `#${hash}`}`, params: [...parseQuery(query), ...params] };
}
