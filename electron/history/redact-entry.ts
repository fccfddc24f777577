import type { HistoryEntry } from '../../shared/ipc/history';
import type { Auth, KeyValue } from '../../shared/model/request';

/** What replaces a redacted value. */
export const REDACTED = '••••••';
const SENSITIVE_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

function rows(list: readonly KeyValue[], extra: ReadonlySet<string>): KeyValue[] {
  return list.map((r) => (SENSITIVE_HEADERS.has(r.name.toLowerCase()) || extra.has(r.name.toLowerCase()) ? { ...r, value: REDACTED } : r));
}

function auth(a: Auth): Auth {
  switch (a.type) {
    case 'none':
    case 'inherit':
      return a;
    case 'basic':
    case 'digest':
      return { ...a, password: REDACTED };
    case 'bearer':
      return { ...a, token: REDACTED };
    case 'apikey':
      return { ...a, value: REDACTED };
  }
}

/** Defensive redaction: credential headers, auth secrets and the API-key parameter are masked even if the caller forgot. */
export function redactEntry(entry: HistoryEntry): HistoryEntry {
  const spec = entry.spec;
  const apiKey = spec.auth.type === 'apikey' ? new Set([spec.auth.key.toLowerCase()]) : new Set<string>();
  const url = apiKey.size > 0 ? redactQuery(entry.url, apiKey) : entry.url;
  return { ...entry, url, spec: { ...spec, url: apiKey.size > 0 ? redactQuery(spec.url, apiKey) : spec.url, headers: rows(spec.headers, apiKey), params: rows(spec.params, apiKey), auth: auth(spec.auth) } };
}

function redactQuery(url: string, names: ReadonlySet<string>): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const [query, hash] = url.slice(q + 1).split('#', 2) as [string, string | undefined];
  const out = query
    .split('&')
    .map((pair) => {
      const name = pair.split('=', 1)[0] ?? '';
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        /* keep raw */
      }
      return names.has(decoded.toLowerCase()) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, q)}?${out}${hash === undefined ? '' : `#${hash}`}`;
}
