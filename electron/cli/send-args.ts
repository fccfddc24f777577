import { isAbsolute, resolve } from 'node:path';
import type { Body, MultipartField, RequestSpec } from '../../shared/model/request';
import { newRequestSpec } from '../../shared/model/request';
import { UsageError } from './io';

/** Usage line of `salvo send`. */
export const SEND_USAGE =
  "usage: salvo send [METHOD] URL [-H 'Name: value']... [-d BODY | --json BODY | -F name=value | -F file=@path]... [--timeout MS] [--insecure] [--max-redirects N] [--no-follow] [--no-cookies] [--output json]";

/** Parsed `salvo send` arguments. */
export interface SendArgs {
  readonly spec: RequestSpec;
  readonly output: 'human' | 'json';
  /** `-d -` / `--json -`: the body comes from standard input. */
  readonly bodyFromStdin: 'text' | 'json' | undefined;
}

const METHOD = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const VALUED = new Set(['-H', '--header', '-d', '--data', '--json', '-F', '--form', '--timeout', '--max-redirects', '--output', '-o']);

function whole(flag: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} needs a whole number, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new UsageError(`${flag} must be between ${min} and ${max}`);
  return n;
}

function header(text: string): { name: string; value: string; enabled: true } {
  const colon = text.indexOf(':');
  if (colon <= 0) throw new UsageError(`-H needs 'Name: value', got "${text}"`);
  return { name: text.slice(0, colon).trim(), value: text.slice(colon + 1).trim(), enabled: true };
}

function formField(text: string, cwd: string): MultipartField {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`-F needs name=value or name=@path, got "${text}"`);
  const name = text.slice(0, eq);
  const value = text.slice(eq + 1);
  if (!value.startsWith('@')) return { kind: 'text', name, value, enabled: true };
  const path = value.slice(1);
  if (path === '') throw new UsageError(`-F ${name}=@ needs a file path`);
  return { kind: 'file', name, path: isAbsolute(path) ? path : resolve(cwd, path), enabled: true };
}

interface Collected {
  positionals: string[];
  headers: string[];
  data: string[];
  json: string[];
  forms: string[];
  timeout?: number;
  maxRedirects?: number;
  output: 'human' | 'json';
  insecure: boolean;
  noFollow: boolean;
  noCookies: boolean;
}

function collect(argv: readonly string[]): Collected {
  const c: Collected = { positionals: [], headers: [], data: [], json: [], forms: [], output: 'human', insecure: false, noFollow: false, noCookies: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (VALUED.has(a)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      if (a === '-H' || a === '--header') c.headers.push(v);
      else if (a === '-d' || a === '--data') c.data.push(v);
      else if (a === '--json') c.json.push(v);
      else if (a === '-F' || a === '--form') c.forms.push(v);
      else if (a === '--timeout') c.timeout = whole(a, v, 1, 86_400_000);
      else if (a === '--max-redirects') c.maxRedirects = whole(a, v, 0, 100);
      else if (v === 'json' || v === 'human') c.output = v;
      else throw new UsageError(`--output is json or human, got "${v}"`);
    } else if (a === '--insecure' || a === '-k') c.insecure = true;
    else if (a === '--no-follow') c.noFollow = true;
    else if (a === '--no-cookies') c.noCookies = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else c.positionals.push(a);
  }
  return c;
}

function bodyOf(c: Collected, cwd: string): { body: Body; stdin: SendArgs['bodyFromStdin'] } {
  const kinds = [c.data.length > 0, c.json.length > 0, c.forms.length > 0].filter(Boolean).length;
  if (kinds > 1) throw new UsageError('use only one of -d, --json and -F');
  if (c.data.length > 1 || c.json.length > 1) throw new UsageError('give -d or --json once');
  const data = c.data[0];
  const json = c.json[0];
  if (data === '-') return { body: { mode: 'text', text: '', contentType: 'application/x-www-form-urlencoded' }, stdin: 'text' };
  if (json === '-') return { body: { mode: 'json', text: '' }, stdin: 'json' };
  if (data !== undefined && data.startsWith('@')) {
    const path = data.slice(1);
    return { body: { mode: 'binary', path: isAbsolute(path) ? path : resolve(cwd, path), contentType: 'application/x-www-form-urlencoded' }, stdin: undefined };
  }
  // Like curl: -d sends form-encoded text unless a Content-Type header says otherwise.
  if (data !== undefined) return { body: { mode: 'text', text: data, contentType: 'application/x-www-form-urlencoded' }, stdin: undefined };
  if (json !== undefined) return { body: { mode: 'json', text: json }, stdin: undefined };
  if (c.forms.length > 0) return { body: { mode: 'multipart', fields: c.forms.map((f) => formField(f, cwd)) }, stdin: undefined };
  return { body: { mode: 'none' }, stdin: undefined };
}

/** Parses argv (after `send`) into a request spec; throws UsageError on anything malformed. */
export function parseSendArgs(argv: readonly string[], cwd: string): SendArgs {
  const c = collect(argv);
  if (c.positionals.length === 0) throw new UsageError('missing URL');
  if (c.positionals.length > 2) throw new UsageError(`expected [METHOD] URL, got ${c.positionals.length} arguments`);
  const [first = '', second] = c.positionals;
  const method = second === undefined ? undefined : first;
  const url = second ?? first;
  if (method !== undefined && !METHOD.test(method)) throw new UsageError(`"${method}" is not an HTTP method token`);
  const { body, stdin } = bodyOf(c, cwd);
  const headers = c.headers.map(header);
  if (c.json.length > 0 && !headers.some((h) => h.name.toLowerCase() === 'accept')) headers.push({ name: 'Accept', value: 'application/json', enabled: true });
  const base = newRequestSpec({ url, method: method ?? (body.mode === 'none' ? 'GET' : 'POST'), headers, body });
  const spec: RequestSpec = {
    ...base,
    options: {
      ...base.options,
      verifyTls: !c.insecure,
      followRedirects: !c.noFollow,
      // The invocation's in-memory jar carries cookies across redirect hops; --no-cookies turns it off.
      useCookieJar: !c.noCookies,
      ...(c.maxRedirects === undefined ? {} : { maxRedirects: c.maxRedirects }),
      timeouts: { ...base.options.timeouts, ...(c.timeout === undefined ? {} : { total: c.timeout }) },
    },
  };
  return { spec, output: c.output, bodyFromStdin: stdin };
}
