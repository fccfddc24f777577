import { SavedRequestSchema } from '../../shared/model/collection';
import type { SavedRequest } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import type { Auth, Body, KeyValue, MultipartField } from '../../shared/model/request';
import { Unmapped } from './model';
import { shellWords } from './shell-words';

/** Flags that take a value (long and short spellings). */
const WITH_ARG = new Set([
  '-X', '--request', '-H', '--header', '-d', '--data', '--data-ascii', '--data-raw', '--data-binary', '--data-urlencode', '-F', '--form', '--form-string',
  '-u', '--user', '--url', '-A', '--user-agent', '-e', '--referer', '-b', '--cookie', '-x', '--proxy', '--cacert', '-E', '--cert', '--key', '-m', '--max-time',
  '--connect-timeout', '--max-redirs', '-o', '--output', '-T', '--upload-file', '--json', '-w', '--write-out', '--retry', '--resolve', '--connect-to',
  '-c', '--cookie-jar', '--limit-rate', '--oauth2-bearer', '-K', '--config', '-r', '--range', '-U', '--proxy-user', '--interface', '--dns-servers',
  '--aws-sigv4', '--retry-delay', '--retry-max-time', '-y', '--speed-time', '-Y', '--speed-limit', '--capath', '--ciphers', '--pass', '--cert-type', '--key-type',
]);
/** Flags with no effect on the request itself: accepted silently. */
const HARMLESS = new Set(['-s', '--silent', '-S', '--show-error', '-v', '--verbose', '-i', '--include', '-#', '--progress-bar', '-g', '--globoff', '-N', '--no-buffer', '-f', '--fail', '--fail-with-body', '--path-as-is', '-o', '--output', '-w', '--write-out', '--http1.1', '--tlsv1.2', '--tlsv1.3']);
/** Single-letter flags that take a value (for clusters such as `-sSLXPOST`). */
const SHORT_WITH_ARG = new Set([...WITH_ARG].filter((f) => /^-[A-Za-z#]$/.test(f)).map((f) => f[1]));

type DataPart = { kind: 'raw' | 'ascii' | 'binary' | 'urlencode'; value: string };

interface Parsed {
  url: string | undefined;
  method: string | undefined;
  headers: KeyValue[];
  data: DataPart[];
  form: MultipartField[];
  get: boolean;
  head: boolean;
  user: string | undefined;
  digest: boolean;
  bearer: string | undefined;
  json: string | undefined;
  upload: string | undefined;
  flags: Map<string, string | true>;
}

function expandClusters(words: readonly string[]): string[] {
  const out: string[] = [];
  let valueNext = false;
  for (const w of words) {
    // A word right after an option that takes a value is that value, even if it starts with '-'.
    if (valueNext || w.startsWith('--') || !/^-[A-Za-z0-9#]./.test(w)) {
      out.push(w);
      valueNext = !valueNext && WITH_ARG.has(w);
      continue;
    }
    valueNext = false;
    for (let i = 1; i < w.length; i++) {
      const c = w[i] as string;
      out.push(`-${c}`);
      if (SHORT_WITH_ARG.has(c)) {
        if (i + 1 < w.length) out.push(w.slice(i + 1));
        else valueNext = true;
        break;
      }
    }
  }
  return out;
}

function header(raw: string): KeyValue | undefined {
  const i = raw.indexOf(':');
  if (i < 0) {
    // `Name;` sends an empty header in curl.
    return raw.endsWith(';') ? { name: raw.slice(0, -1).trim(), value: '', enabled: true } : undefined;
  }
  const value = raw.slice(i + 1).trim();
  return value === '' ? undefined : { name: raw.slice(0, i).trim(), value, enabled: true };
}

function parseWords(words: string[], unmapped: Unmapped): Parsed {
  const p: Parsed = { url: undefined, method: undefined, headers: [], data: [], form: [], get: false, head: false, user: undefined, digest: false, bearer: undefined, json: undefined, upload: undefined, flags: new Map() };
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (!w.startsWith('-') || w === '-') {
      if (p.url === undefined) p.url = w;
      else unmapped.add('curl', `extra URL ignored: ${w}`);
      continue;
    }
    const needsArg = WITH_ARG.has(w);
    const arg = needsArg ? words[++i] : undefined;
    if (needsArg && arg === undefined) throw new SalvoError('invalid-input', `curl option ${w} needs a value`);
    const v = arg ?? '';
    switch (w) {
      case '-X': case '--request': p.method = v.toUpperCase(); break;
      case '-H': case '--header': { const h = header(v); if (h) p.headers.push(h); break; }
      case '-A': case '--user-agent': p.headers.push({ name: 'User-Agent', value: v, enabled: true }); break;
      case '-e': case '--referer': p.headers.push({ name: 'Referer', value: v, enabled: true }); break;
      case '-b': case '--cookie':
        if (v.includes('=')) p.headers.push({ name: 'Cookie', value: v, enabled: true });
        else unmapped.add('curl', `cookie file not imported: ${v}`);
        break;
      case '-d': case '--data': case '--data-ascii': p.data.push({ kind: 'ascii', value: v }); break;
      case '--data-raw': p.data.push({ kind: 'raw', value: v }); break;
      case '--data-binary': p.data.push({ kind: 'binary', value: v }); break;
      case '--data-urlencode': p.data.push({ kind: 'urlencode', value: v }); break;
      case '--json': p.json = (p.json ?? '') + v; break;
      case '-F': case '--form': case '--form-string': p.form.push(formField(v, w === '--form-string', unmapped)); break;
      case '-u': case '--user': p.user = v; break;
      case '--digest': p.digest = true; break;
      case '--basic': p.digest = false; break;
      case '--oauth2-bearer': p.bearer = v; break;
      case '--url': p.url = v; break;
      case '-G': case '--get': p.get = true; break;
      case '-I': case '--head': p.head = true; break;
      case '-T': case '--upload-file': p.upload = v; break;
      default:
        if (HARMLESS.has(w)) break;
        p.flags.set(w, arg ?? true);
    }
  }
  return p;
}

function formField(spec: string, literal: boolean, unmapped: Unmapped): MultipartField {
  const eq = spec.indexOf('=');
  const name = eq < 0 ? spec : spec.slice(0, eq);
  const rest = eq < 0 ? '' : spec.slice(eq + 1);
  if (literal || !(rest.startsWith('@') || rest.startsWith('<'))) {
    const [value, ...attrs] = literal ? [rest] : rest.split(';');
    const type = attrs.find((a) => a.startsWith('type='))?.slice(5);
    return type ? { kind: 'text', name, value: value ?? '', enabled: true, contentType: type } : { kind: 'text', name, value: value ?? '', enabled: true };
  }
  if (rest.startsWith('<')) unmapped.add(`form field ${name}`, 'text read from a file (<file) imported as a file field');
  const [path, ...attrs] = rest.slice(1).split(';');
  const field: MultipartField = { kind: 'file', name, path: path ?? '', enabled: true };
  const type = attrs.find((a) => a.startsWith('type='))?.slice(5);
  const fileName = attrs.find((a) => a.startsWith('filename='))?.slice(9);
  return { ...field, ...(type ? { contentType: type } : {}), ...(fileName ? { fileName } : {}) };
}

function encodeDataPart(part: DataPart, unmapped: Unmapped): string {
  if (part.kind !== 'urlencode') {
    // -d drops CR/LF from @file content in curl; we keep the reference and report it.
    if (part.kind !== 'raw' && part.value.startsWith('@')) unmapped.add('curl', `data read from file ${part.value.slice(1)} (not inlined)`);
    return part.value;
  }
  const v = part.value;
  const eq = v.indexOf('=');
  const at = v.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) {
    unmapped.add('curl', `--data-urlencode from file ${v.slice(at + 1)} not imported`);
    return '';
  }
  if (eq < 0) return encodeURIComponent(v);
  if (eq === 0) return encodeURIComponent(v.slice(1));
  return `${v.slice(0, eq)}=${encodeURIComponent(v.slice(eq + 1))}`;
}

function decodeForm(text: string): KeyValue[] | undefined {
  if (text === '' || !/^[^=&\s]+=[^&\s]*(&[^=&\s]+=[^&\s]*)*$/.test(text)) return undefined;
  try {
    return text.split('&').map((pair) => {
      const i = pair.indexOf('=');
      const dec = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));
      return { name: dec(pair.slice(0, i)), value: dec(pair.slice(i + 1)), enabled: true };
    });
  } catch {
    return undefined;
  }
}

function takeHeader(headers: KeyValue[], name: string): string | undefined {
  const i = headers.findIndex((h) => h.name.toLowerCase() === name);
  return i < 0 ? undefined : headers[i]?.value;
}

function dropHeader(headers: KeyValue[], name: string, value?: RegExp): KeyValue[] {
  return headers.filter((h) => !(h.name.toLowerCase() === name && (value === undefined || value.test(h.value))));
}

function bodyOf(p: Parsed, unmapped: Unmapped): { body: Body; headers: KeyValue[] } {
  let headers = p.headers;
  const contentType = takeHeader(headers, 'content-type');
  if (p.json !== undefined) {
    headers = dropHeader(dropHeader(headers, 'content-type', /^application\/json\s*$/i), 'accept', /^application\/json\s*$/i);
    return { body: { mode: 'json', text: p.json }, headers };
  }
  if (p.form.length > 0) return { body: { mode: 'multipart', fields: p.form }, headers: dropHeader(headers, 'content-type', /^multipart\/form-data\s*$/i) };
  if (p.upload !== undefined) return { body: contentType ? { mode: 'binary', path: p.upload, contentType } : { mode: 'binary', path: p.upload }, headers: dropHeader(headers, 'content-type') };
  if (p.data.length === 0 || p.get) return { body: { mode: 'none' }, headers };
  const only = p.data.length === 1 ? p.data[0] : undefined;
  if (only && only.kind !== 'raw' && only.kind !== 'urlencode' && only.value.startsWith('@')) {
    const path = only.value.slice(1);
    return { body: contentType ? { mode: 'binary', path, contentType } : { mode: 'binary', path }, headers: dropHeader(headers, 'content-type') };
  }
  const text = p.data.map((d) => encodeDataPart(d, unmapped)).join('&');
  const ct = (contentType ?? '').toLowerCase();
  const looksJson = /^\s*[[{]/.test(text) && (() => { try { JSON.parse(text); return true; } catch { return false; } })();
  if (ct.includes('json') || (ct === '' && looksJson)) return { body: { mode: 'json', text }, headers: dropHeader(headers, 'content-type', /^application\/json\s*$/i) };
  if (ct.includes('xml')) return { body: { mode: 'xml', text }, headers: dropHeader(headers, 'content-type', /^application\/xml\s*$/i) };
  const fields = ct === '' || ct.startsWith('application/x-www-form-urlencoded') ? decodeForm(text) : undefined;
  if (fields) return { body: { mode: 'form', fields }, headers: dropHeader(headers, 'content-type') };
  return { body: { mode: 'text', text, contentType: contentType ?? 'application/x-www-form-urlencoded' }, headers: dropHeader(headers, 'content-type') };
}

function authOf(p: Parsed): Auth {
  if (p.bearer !== undefined) return { type: 'bearer', token: p.bearer };
  if (p.user === undefined) return { type: 'none' };
  const i = p.user.indexOf(':');
  const username = i < 0 ? p.user : p.user.slice(0, i);
  const password = i < 0 ? '' : p.user.slice(i + 1);
  return { type: p.digest ? 'digest' : 'basic', username, password };
}

function seconds(v: string | true | undefined): number | undefined {
  if (typeof v !== 'string') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.round(n * 1000) : undefined;
}

const MAPPED_FLAGS = new Set(['-k', '--insecure', '-L', '--location', '--location-trusted', '--compressed', '-m', '--max-time', '--connect-timeout', '--max-redirs', '-x', '--proxy', '--cacert', '-E', '--cert', '--key', '--http2', '--http2-prior-knowledge']);

function optionsOf(p: Parsed, unmapped: Unmapped): Record<string, unknown> {
  const f = p.flags;
  const timeouts: Record<string, number> = {};
  const total = seconds(f.get('-m') ?? f.get('--max-time'));
  if (total !== undefined) timeouts.total = total;
  const connect = seconds(f.get('--connect-timeout'));
  if (connect !== undefined) timeouts.connect = connect;
  const opts: Record<string, unknown> = { followRedirects: f.has('-L') || f.has('--location') || f.has('--location-trusted'), verifyTls: !(f.has('-k') || f.has('--insecure')) };
  if (Object.keys(timeouts).length > 0) opts.timeouts = { connect: 10_000, headers: 30_000, bodyIdle: 30_000, total: 0, ...timeouts };
  const maxRedirs = Number(f.get('--max-redirs'));
  if (f.has('--max-redirs') && Number.isInteger(maxRedirs) && maxRedirs >= 0 && maxRedirs <= 100) opts.maxRedirects = maxRedirs;
  const proxy = f.get('-x') ?? f.get('--proxy');
  if (typeof proxy === 'string') opts.proxyUrl = proxy;
  const ca = f.get('--cacert');
  if (typeof ca === 'string') opts.caFile = ca;
  const cert = f.get('-E') ?? f.get('--cert');
  if (typeof cert === 'string') {
    const colon = cert.search(/(?<!^[A-Za-z]):/);
    if (colon > 0) unmapped.add('curl', 'client certificate password not imported');
    opts.clientCertFile = colon > 0 ? cert.slice(0, colon) : cert;
  }
  const key = f.get('--key');
  if (typeof key === 'string') opts.clientKeyFile = key;
  if (f.has('--http2') || f.has('--http2-prior-knowledge')) opts.http2 = true;
  for (const [flag, value] of f) if (!MAPPED_FLAGS.has(flag)) unmapped.add('curl', `option ${flag}${value === true ? '' : ` ${value}`} not supported`);
  return opts;
}

function nameFor(method: string, url: string): string {
  try {
    const u = new URL(url);
    return `${method} ${u.pathname === '' ? '/' : u.pathname}`;
  } catch {
    return `${method} ${url}`.slice(0, 120);
  }
}

/** Parses one cURL command line into a saved request plus what could not be mapped. */
export function parseCurl(text: string): { request: SavedRequest; unmapped: Array<{ where: string; what: string }> } {
  const unmapped = new Unmapped();
  const words = shellWords(text.trim().replace(/^\$\s+/, ''));
  const first = words[0];
  if (first === undefined || !/^curl(\.exe)?$/i.test(first.split(/[\\/]/).pop() ?? '')) throw new SalvoError('invalid-input', 'not a curl command (it must start with `curl`)');
  const p = parseWords(expandClusters(words.slice(1)), unmapped);
  if (p.url === undefined || p.url === '') throw new SalvoError('invalid-input', 'the curl command has no URL');
  let url = /^[a-z][a-z0-9+.-]*:\/\//i.test(p.url) || p.url.startsWith('{{') ? p.url : `http://${p.url}`;
  if (p.get && p.data.length > 0) url += (url.includes('?') ? '&' : '?') + p.data.map((d) => encodeDataPart(d, unmapped)).join('&');
  const { body, headers: withoutCt } = bodyOf(p, unmapped);
  let headers = withoutCt;
  if (p.flags.has('--compressed') && takeHeader(headers, 'accept-encoding') === undefined) headers = [...headers, { name: 'Accept-Encoding', value: 'gzip, deflate, br', enabled: true }];
  const method = p.method ?? (p.head ? 'HEAD' : p.upload !== undefined ? 'PUT' : body.mode !== 'none' || p.json !== undefined ? 'POST' : 'GET');
  const options = optionsOf(p, unmapped);
  const request = SavedRequestSchema.parse({ name: nameFor(method, url), method, url, headers, body, auth: authOf(p), options });
  return { request, unmapped: unmapped.items };
}
