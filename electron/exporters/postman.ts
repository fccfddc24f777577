import type { Variable } from '../../shared/model/collection';
import type { Auth, Body, KeyValue } from '../../shared/model/request';
import { orderedChildren } from '../collections/loader';
import type { LoadedCollection } from '../collections/loader';
import { joinRel } from '../collections/names';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

type Json = Record<string, unknown>;

function kv(rows: readonly KeyValue[]): Json[] {
  return rows.map((r) => ({ key: r.name, value: r.value, ...(r.enabled ? {} : { disabled: true }), ...(r.description !== undefined ? { description: r.description } : {}) }));
}

function variables(vars: readonly Variable[]): Json[] {
  // Secret values never leave the machine: exported empty.
  return vars.map((v) => ({ key: v.name, value: v.secret ? '' : v.value, ...(v.enabled ? {} : { disabled: true }), ...(v.secret ? { type: 'secret' } : {}) }));
}

function auth(a: Auth): Json | undefined {
  const list = (o: Record<string, string>): Json[] => Object.entries(o).map(([key, value]) => ({ key, value, type: 'string' }));
  switch (a.type) {
    case 'inherit':
      return undefined;
    case 'none':
      return { type: 'noauth' };
    case 'basic':
    case 'digest':
      return { type: a.type, [a.type]: list({ username: a.username, password: a.password }) };
    case 'bearer':
      return { type: 'bearer', bearer: list({ token: a.token }) };
    case 'apikey':
      return { type: 'apikey', apikey: list({ key: a.key, value: a.value, in: a.in }) };
  }
}

function body(b: Body): Json | undefined {
  switch (b.mode) {
    case 'none':
      return undefined;
    case 'json':
    case 'xml':
      return { mode: 'raw', raw: b.text, options: { raw: { language: b.mode } } };
    case 'text':
      return { mode: 'raw', raw: b.text, options: { raw: { language: 'text' } } };
    case 'form':
      return { mode: 'urlencoded', urlencoded: kv(b.fields) };
    case 'multipart':
      return {
        mode: 'formdata',
        formdata: b.fields.map((f) => ({
          key: f.name,
          ...(f.kind === 'file' ? { type: 'file', src: f.path } : { type: 'text', value: f.value }),
          ...(f.enabled ? {} : { disabled: true }),
          ...(f.contentType !== undefined ? { contentType: f.contentType } : {}),
        })),
      };
    case 'binary':
      return { mode: 'file', file: { src: b.path } };
  }
}

function url(raw: string, params: readonly KeyValue[]): Json {
  const enabled = params.filter((p) => p.enabled);
  const q = enabled.map((p) => `${p.name}=${p.value}`).join('&');
  return { raw: q === '' ? raw : `${raw}${raw.includes('?') ? '&' : '?'}${q}`, ...(params.length > 0 ? { query: kv(params) } : {}) };
}

/** Postman has no default headers: fold the inherited ones into each request (a request's own header wins). */
function withInherited(inherited: readonly KeyValue[], own: readonly KeyValue[]): KeyValue[] {
  const ownNames = new Set(own.filter((h) => h.enabled).map((h) => h.name.toLowerCase()));
  return [...inherited.filter((h) => h.enabled && !ownNames.has(h.name.toLowerCase())), ...own];
}

function mergeLevel(outer: readonly KeyValue[], inner: readonly KeyValue[]): KeyValue[] {
  const innerNames = new Set(inner.filter((h) => h.enabled).map((h) => h.name.toLowerCase()));
  return [...outer.filter((h) => !innerNames.has(h.name.toLowerCase())), ...inner.filter((h) => h.enabled)];
}

function items(l: LoadedCollection, rel: string, inherited: readonly KeyValue[]): Json[] {
  const folder = l.folders.get(rel);
  if (!folder) return [];
  const out: Json[] = [];
  for (const child of orderedChildren(folder)) {
    const childRel = joinRel(rel, child);
    const req = l.requests.get(childRel)?.request;
    if (req) {
      const a = auth(req.auth);
      const b = body(req.body);
      out.push({
        name: req.name,
        request: { method: req.method, header: kv(withInherited(inherited, req.headers)), url: url(req.url, req.params), ...(a ? { auth: a } : {}), ...(b ? { body: b } : {}), ...(req.description !== undefined ? { description: req.description } : {}) },
        // Postman's per-request switch for its cookie jar.
        ...(req.options.useCookieJar === false ? { protocolProfileBehavior: { disableCookies: true } } : {}),
      });
      continue;
    }
    const sub = l.folders.get(childRel);
    if (!sub) continue;
    const a = auth(sub.settings.auth);
    out.push({ name: sub.settings.name, item: items(l, childRel, mergeLevel(inherited, sub.settings.headers)), ...(a ? { auth: a } : {}), ...(sub.settings.description !== undefined ? { description: sub.settings.description } : {}), ...(sub.settings.variables.length > 0 ? { variable: variables(sub.settings.variables) } : {}) });
  }
  return out;
}

/** A loaded collection as a Postman Collection v2.1 JSON string (secret values exported empty). */
export function toPostman(l: LoadedCollection): string {
  const s = l.settings;
  const a = auth(s.auth);
  const doc = {
    info: { name: s.name, schema: SCHEMA, ...(s.description !== undefined ? { description: s.description } : {}) },
    item: items(l, '', s.headers.filter((h) => h.enabled)),
    ...(a ? { auth: a } : {}),
    ...(s.variables.length > 0 ? { variable: variables(s.variables) } : {}),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
