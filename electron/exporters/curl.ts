import type { Body, KeyValue, RequestSpec } from '../../shared/model/request';
import { RequestOptionsSchema } from '../../shared/model/request';
import { shellQuote } from '../importers/shell-words';

const DEFAULTS = RequestOptionsSchema.parse({});

/** Percent-encodes a query component but keeps `{{variables}}` readable. */
function enc(s: string): string {
  return encodeURIComponent(s).replace(/%7B%7B/gi, '{{').replace(/%7D%7D/gi, '}}');
}

function withQuery(url: string, params: readonly KeyValue[]): string {
  const enabled = params.filter((p) => p.enabled);
  if (enabled.length === 0) return url;
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const query = enabled.map((p) => `${enc(p.name)}=${enc(p.value)}`).join('&');
  return `${base}${base.includes('?') ? '&' : '?'}${query}${hash}`;
}

function hasHeader(headers: readonly KeyValue[], name: string): boolean {
  return headers.some((h) => h.enabled && h.name.toLowerCase() === name);
}

/** The body as curl options; adds the Content-Type header the mode implies when none is set. */
function bodyArguments(b: Body, all: KeyValue[]): string[][] {
  const bodyArgs: string[][] = [];
  switch (b.mode) {
    case 'none':
      break;
    case 'json':
    case 'xml':
      if (!hasHeader(all, 'content-type')) all.push({ name: 'Content-Type', value: b.mode === 'json' ? 'application/json' : 'application/xml', enabled: true });
      bodyArgs.push(['--data-raw', b.text]);
      break;
    case 'text':
      if (b.contentType !== undefined && !hasHeader(all, 'content-type')) all.push({ name: 'Content-Type', value: b.contentType, enabled: true });
      bodyArgs.push(['--data-raw', b.text]);
      break;
    case 'form':
      // curl encodes only the value of `name=value`; names that need encoding go pre-encoded with -d.
      for (const f of b.fields) if (f.enabled) bodyArgs.push(/^[A-Za-z0-9_.~-]+$/.test(f.name) ? ['--data-urlencode', `${f.name}=${f.value}`] : ['-d', `${encodeURIComponent(f.name)}=${encodeURIComponent(f.value)}`]);
      break;
    case 'multipart':
      for (const f of b.fields) {
        if (!f.enabled) continue;
        if (f.kind === 'file') bodyArgs.push(['-F', `${f.name}=@${f.path}${f.contentType ? `;type=${f.contentType}` : ''}${f.fileName ? `;filename=${f.fileName}` : ''}`]);
        else if (/^[@<]/.test(f.value) || f.value.includes(';') || f.contentType !== undefined) bodyArgs.push(['--form-string', `${f.name}=${f.value}`]);
        else bodyArgs.push(['-F', `${f.name}=${f.value}`]);
      }
      break;
    case 'binary':
      if (b.contentType !== undefined && !hasHeader(all, 'content-type')) all.push({ name: 'Content-Type', value: b.contentType, enabled: true });
      bodyArgs.push(['--data-binary', `@${b.path}`]);
      break;
  }
  return bodyArgs;
}

/**
 * A request as a cURL command (POSIX-shell quoted). Variables are left as `{{name}}` unless the
 * spec was resolved first. `multiline` puts each option on its own continued line.
 */
export function toCurl(spec: RequestSpec, multiline = true): string {
  const args: string[][] = [];
  const headers = spec.headers.filter((h) => h.enabled);
  const params = [...spec.params];
  const extraHeaders: KeyValue[] = [];
  const auth = spec.auth;
  if (auth.type === 'basic' || auth.type === 'digest') args.push([...(auth.type === 'digest' ? ['--digest'] : []), '-u', `${auth.username}:${auth.password}`]);
  else if (auth.type === 'bearer') extraHeaders.push({ name: 'Authorization', value: `${auth.prefix ?? 'Bearer'} ${auth.token}`, enabled: true });
  else if (auth.type === 'apikey') (auth.in === 'query' ? params : extraHeaders).push({ name: auth.key, value: auth.value, enabled: true });
  const all = [...headers, ...extraHeaders];
  const bodyArgs = bodyArguments(spec.body, all);
  const method = spec.method.toUpperCase();
  const impliedPost = bodyArgs.length > 0 && method === 'POST';
  const head: string[] = ['curl'];
  if (method === 'HEAD') head.push('--head');
  else if (!(method === 'GET' && bodyArgs.length === 0) && !impliedPost) head.push('-X', method);
  head.push(withQuery(spec.url, params));
  for (const h of all) args.push(['-H', h.value === '' ? `${h.name};` : `${h.name}: ${h.value}`]);
  args.push(...bodyArgs);
  const o = spec.options;
  if (!o.verifyTls) args.push(['-k']);
  if (o.followRedirects) args.push(['-L']);
  if (o.followRedirects && o.maxRedirects !== DEFAULTS.maxRedirects) args.push(['--max-redirs', String(o.maxRedirects)]);
  if (o.timeouts.total > 0) args.push(['-m', String(o.timeouts.total / 1000)]);
  if (o.timeouts.connect !== DEFAULTS.timeouts.connect) args.push(['--connect-timeout', String(o.timeouts.connect / 1000)]);
  if (o.proxyUrl !== undefined) args.push(['-x', o.proxyUrl]);
  if (o.caFile !== undefined) args.push(['--cacert', o.caFile]);
  if (o.clientCertFile !== undefined) args.push(['--cert', o.clientCertFile]);
  if (o.clientKeyFile !== undefined) args.push(['--key', o.clientKeyFile]);
  if (o.http2) args.push(['--http2']);
  const parts = [head.map(shellQuote).join(' '), ...args.map((a) => a.map(shellQuote).join(' '))];
  return parts.join(multiline ? ' \\\n  ' : ' ');
}
