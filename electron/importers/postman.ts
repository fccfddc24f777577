import { SavedRequestSchema } from '../../shared/model/collection';
import type { SavedRequest, Variable } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import type { Auth, Body, KeyValue, MultipartField } from '../../shared/model/request';
import { emptyFolder, isRecord, makeReport, str, arr, Unmapped } from './model';
import type { ImportedCollection, ImportedFolder, ImportResult } from './model';

/** True when a parsed JSON value looks like a Postman v2.x collection. */
export function isPostman(doc: unknown): boolean {
  return isRecord(doc) && isRecord(doc.info) && (str(doc.info.schema).includes('schema.getpostman.com') || Array.isArray(doc.item));
}

function description(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (isRecord(v) && typeof v.content === 'string') return v.content === '' ? undefined : v.content;
  return undefined;
}

function rows(list: unknown): KeyValue[] {
  return arr(list)
    .filter(isRecord)
    .map((r) => {
      const d = description(r.description);
      return { name: str(r.key), value: str(r.value), enabled: r.disabled !== true, ...(d === undefined ? {} : { description: d }) };
    });
}

/** Auth parameters: v2.1 lists `[{key, value}]`, v2.0 uses a plain object. */
function authParams(v: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (Array.isArray(v)) for (const r of v.filter(isRecord)) out.set(str(r.key), str(r.value));
  else if (isRecord(v)) for (const [k, val] of Object.entries(v)) out.set(k, str(val));
  return out;
}

function auth(v: unknown, where: string, unmapped: Unmapped): Auth {
  if (!isRecord(v)) return { type: 'inherit' };
  const type = str(v.type);
  const p = authParams(v[type]);
  switch (type) {
    case 'noauth':
      return { type: 'none' };
    case 'basic':
      return { type: 'basic', username: p.get('username') ?? '', password: p.get('password') ?? '' };
    case 'digest':
      return { type: 'digest', username: p.get('username') ?? '', password: p.get('password') ?? '' };
    case 'bearer':
      return { type: 'bearer', token: p.get('token') ?? '' };
    case 'apikey':
      return { type: 'apikey', key: p.get('key') ?? '', value: p.get('value') ?? '', in: p.get('in') === 'query' ? 'query' : 'header' };
    default:
      unmapped.add(where, `auth type "${type}" is not supported (set to none)`);
      return { type: 'none' };
  }
}

function scripts(events: unknown, where: string, unmapped: Unmapped, kept = true): string[] {
  const notes: string[] = [];
  for (const e of arr(events).filter(isRecord)) {
    const script = isRecord(e.script) ? e.script : {};
    const exec = Array.isArray(script.exec) ? script.exec.map((l) => str(l)).join('\n') : str(script.exec);
    if (exec.trim() === '') continue;
    const listen = str(e.listen, 'script');
    notes.push(`[disabled ${listen} script from Postman]\n${exec}`);
    unmapped.add(where, kept ? `${listen} script kept as a disabled note` : `${listen} script not imported (Salvo does not run scripts)`);
  }
  return notes;
}

function url(u: unknown, params: KeyValue[], variables: KeyValue[]): string {
  if (typeof u === 'string') return u;
  if (!isRecord(u)) return '';
  let raw = str(u.raw);
  if (Array.isArray(u.query)) {
    // The raw URL holds only enabled params; take them all from the structured list instead.
    raw = raw.split('?')[0] ?? raw;
    params.push(...rows(u.query));
  }
  for (const v of arr(u.variable).filter(isRecord)) variables.push({ name: str(v.key), value: str(v.value), enabled: true });
  return raw;
}

function pathVariables(u: string): string {
  // Postman path variables `:id` become Salvo variables `{{id}}` (their values go to request variables).
  return u.replace(/(^|\/):([A-Za-z_][A-Za-z0-9_-]*)(?=\/|\?|#|$)/g, (_m, pre: string, name: string) => `${pre}{{${name}}}`);
}

function body(b: unknown, where: string, headers: KeyValue[], unmapped: Unmapped): Body {
  if (!isRecord(b) || b.disabled === true) return { mode: 'none' };
  const mode = str(b.mode);
  const ct = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value.toLowerCase() ?? '';
  switch (mode) {
    case 'raw': {
      const text = str(b.raw);
      const lang = isRecord(b.options) && isRecord(b.options.raw) ? str(b.options.raw.language) : '';
      if (lang === 'json' || ct.includes('json')) return { mode: 'json', text };
      if (lang === 'xml' || ct.includes('xml')) return { mode: 'xml', text };
      return ct === '' ? { mode: 'text', text } : { mode: 'text', text, contentType: ct };
    }
    case 'urlencoded':
      return { mode: 'form', fields: rows(b.urlencoded) };
    case 'formdata': {
      const fields: MultipartField[] = arr(b.formdata)
        .filter(isRecord)
        .map((f) => {
          const base = { name: str(f.key), enabled: f.disabled !== true, ...(typeof f.contentType === 'string' ? { contentType: f.contentType } : {}) };
          if (str(f.type) === 'file') {
            const src = Array.isArray(f.src) ? str(f.src[0]) : str(f.src);
            if (Array.isArray(f.src) && f.src.length > 1) unmapped.add(where, `form field ${str(f.key)}: only the first of ${f.src.length} files kept`);
            return { kind: 'file' as const, ...base, path: src };
          }
          return { kind: 'text' as const, ...base, value: str(f.value) };
        });
      return { mode: 'multipart', fields };
    }
    case 'file':
      return { mode: 'binary', path: isRecord(b.file) ? str(b.file.src) : '' };
    case 'graphql': {
      const g = isRecord(b.graphql) ? b.graphql : {};
      let variables: unknown = {};
      try {
        variables = typeof g.variables === 'string' && g.variables.trim() !== '' ? JSON.parse(g.variables) : (g.variables ?? {});
      } catch {
        unmapped.add(where, 'GraphQL variables are not valid JSON (dropped)');
      }
      unmapped.add(where, 'GraphQL body imported as a JSON body');
      return { mode: 'json', text: JSON.stringify({ query: str(g.query), variables }, null, 2) };
    }
    case '':
      return { mode: 'none' };
    default:
      unmapped.add(where, `body mode "${mode}" is not supported`);
      return { mode: 'none' };
  }
}

function request(item: Record<string, unknown>, where: string, unmapped: Unmapped): SavedRequest {
  const name = str(item.name, 'Untitled');
  const r = typeof item.request === 'string' ? { url: item.request } : isRecord(item.request) ? item.request : {};
  const params: KeyValue[] = [];
  const variables: KeyValue[] = [];
  const headers = rows(r.header);
  const notes = scripts(item.event, where, unmapped);
  if (arr(item.response).length > 0) unmapped.add(where, `${arr(item.response).length} saved example response(s) not imported`);
  const behavior = item.protocolProfileBehavior;
  // `disableCookies` is Salvo's per-request cookie-jar switch; the other behaviours have no equivalent.
  const noCookies = isRecord(behavior) && behavior.disableCookies === true;
  if (behavior !== undefined && !(isRecord(behavior) && Object.keys(behavior).every((k) => k === 'disableCookies'))) unmapped.add(where, 'protocolProfileBehavior settings not imported');
  for (const k of ['proxy', 'certificate']) if (r[k] !== undefined) unmapped.add(where, `request ${k} settings not imported`);
  const d = description(r.description) ?? description(item.description);
  let method = str(r.method, 'GET').toUpperCase();
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method)) {
    unmapped.add(where, `invalid method "${method}" replaced by GET`);
    method = 'GET';
  }
  return SavedRequestSchema.parse({
    name,
    method,
    url: pathVariables(url(r.url, params, variables)),
    params,
    headers,
    body: body(r.body, where, headers, unmapped),
    auth: auth(r.auth, where, unmapped),
    variables,
    ...(noCookies ? { options: { useCookieJar: false } } : {}),
    ...(d === undefined ? {} : { description: d }),
    ...(notes.length > 0 ? { notes } : {}),
  });
}

function folder(items: unknown, into: ImportedFolder, trail: string, unmapped: Unmapped, depth: number): void {
  if (depth > 32) {
    unmapped.add(trail, 'folders nested deeper than 32 levels not imported');
    return;
  }
  for (const item of arr(items).filter(isRecord)) {
    const name = str(item.name, 'Untitled');
    const where = trail === '' ? name : `${trail}/${name}`;
    if (Array.isArray(item.item)) {
      const d = description(item.description);
      const sub: ImportedFolder = { ...emptyFolder(name), auth: auth(item.auth, where, unmapped), variables: variablesOf(item.variable, where, unmapped), ...(d === undefined ? {} : { description: d }) };
      scripts(item.event, where, unmapped, false);
      folder(item.item, sub, where, unmapped, depth + 1);
      into.items.push({ kind: 'folder', folder: sub });
    } else {
      into.items.push({ kind: 'request', request: request(item, where, unmapped) });
    }
  }
}

function variablesOf(list: unknown, where: string, unmapped: Unmapped): Variable[] {
  return arr(list)
    .filter(isRecord)
    .map((v) => {
      const secret = str(v.type) === 'secret';
      if (secret && str(v.value) !== '') unmapped.add(where, `secret variable ${str(v.key)}: value not imported (set it in an environment)`);
      return { name: str(v.key), value: secret ? '' : str(v.value), enabled: v.disabled !== true, secret };
    });
}

/** Imports a Postman Collection v2.0 or v2.1 (parsed JSON). */
export function importPostman(doc: unknown): ImportResult {
  if (!isPostman(doc) || !isRecord(doc)) throw new SalvoError('invalid-input', 'not a Postman v2.x collection');
  const info = isRecord(doc.info) ? doc.info : {};
  const unmapped = new Unmapped();
  const d = description(info.description);
  const root: ImportedCollection = {
    ...emptyFolder(str(info.name, 'Imported collection')),
    auth: auth(doc.auth, 'collection', unmapped),
    variables: variablesOf(doc.variable, 'collection', unmapped),
    environments: [],
    ...(d === undefined ? {} : { description: d }),
  };
  scripts(doc.event, 'collection', unmapped, false);
  folder(doc.item, root, '', unmapped, 0);
  return { collection: root, report: makeReport('postman', root, unmapped) };
}
