import { SavedRequestSchema } from '../../shared/model/collection';
import type { Environment, SavedRequest, Variable } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import type { Auth, Body, KeyValue, MultipartField } from '../../shared/model/request';
import { isForbiddenKey } from '../collections/names';
import { arr, emptyFolder, isRecord, makeReport, str, Unmapped } from './model';
import type { ImportedCollection, ImportedFolder, ImportResult } from './model';

type Resource = Record<string, unknown>;

/** True when a parsed value looks like an Insomnia v4 export. */
export function isInsomnia(doc: unknown): boolean {
  return isRecord(doc) && doc._type === 'export' && Array.isArray(doc.resources);
}

/** `{{ _.name }}` (Insomnia) → `{{name}}` (Salvo); template tags `{% %}` are reported. */
function template(text: string, where: string, unmapped: Unmapped): string {
  if (text.includes('{%')) unmapped.add(where, `template tag not supported: ${(/\{%[^%]*%\}/.exec(text)?.[0] ?? '{% %}').slice(0, 80)}`);
  return text.replace(/\{\{\s*_\.([^{}\s]+)\s*\}\}/g, '{{$1}}').replace(/\{\{\s*([^{}\s]+)\s*\}\}/g, '{{$1}}');
}

function flatten(data: unknown, prefix: string, out: Variable[], depth = 0): void {
  if (!isRecord(data) || depth > 16) return;
  for (const [k, v] of Object.entries(data)) {
    if (isForbiddenKey(k)) continue;
    const name = prefix === '' ? k : `${prefix}.${k}`;
    if (isRecord(v)) flatten(v, name, out, depth + 1);
    else out.push({ name, value: typeof v === 'string' ? v : JSON.stringify(v), enabled: true, secret: false });
  }
}

function rows(list: unknown, where: string, unmapped: Unmapped): KeyValue[] {
  return arr(list)
    .filter(isRecord)
    .map((r) => ({ name: template(str(r.name), where, unmapped), value: template(str(r.value), where, unmapped), enabled: r.disabled !== true, ...(typeof r.description === 'string' && r.description !== '' ? { description: r.description } : {}) }));
}

function auth(a: unknown, where: string, unmapped: Unmapped): Auth {
  if (!isRecord(a) || Object.keys(a).length === 0) return { type: 'inherit' };
  if (a.disabled === true) return { type: 'none' };
  const t = (k: string): string => template(str(a[k]), where, unmapped);
  switch (str(a.type)) {
    case 'none':
      return { type: 'none' };
    case 'basic':
      return { type: 'basic', username: t('username'), password: t('password') };
    case 'digest':
      return { type: 'digest', username: t('username'), password: t('password') };
    case 'bearer':
      return str(a.prefix) === '' ? { type: 'bearer', token: t('token') } : { type: 'bearer', token: t('token'), prefix: str(a.prefix) };
    case 'apikey':
      return { type: 'apikey', key: t('key'), value: t('value'), in: str(a.addTo) === 'queryParams' ? 'query' : 'header' };
    default:
      unmapped.add(where, `auth type "${str(a.type)}" is not supported (set to none)`);
      return { type: 'none' };
  }
}

function body(b: unknown, where: string, unmapped: Unmapped): Body {
  if (!isRecord(b) || Object.keys(b).length === 0) return { mode: 'none' };
  const mime = str(b.mimeType).toLowerCase();
  const text = template(str(b.text), where, unmapped);
  if (mime === 'application/x-www-form-urlencoded') return { mode: 'form', fields: rows(b.params, where, unmapped) };
  if (mime === 'multipart/form-data') {
    const fields: MultipartField[] = arr(b.params)
      .filter(isRecord)
      .map((p) => (str(p.type) === 'file' ? { kind: 'file' as const, name: str(p.name), path: str(p.fileName), enabled: p.disabled !== true } : { kind: 'text' as const, name: str(p.name), value: template(str(p.value), where, unmapped), enabled: p.disabled !== true }));
    return { mode: 'multipart', fields };
  }
  if (mime === 'application/octet-stream' || (typeof b.fileName === 'string' && b.fileName !== '')) return { mode: 'binary', path: str(b.fileName) };
  if (mime === 'application/graphql') {
    unmapped.add(where, 'GraphQL body imported as a JSON body');
    return { mode: 'json', text };
  }
  if (mime.includes('json')) return { mode: 'json', text };
  if (mime.includes('xml')) return { mode: 'xml', text };
  if (mime === '' && text === '') return { mode: 'none' };
  return mime === '' ? { mode: 'text', text } : { mode: 'text', text, contentType: mime };
}

function request(r: Resource, where: string, unmapped: Unmapped): SavedRequest {
  const headers = rows(r.headers, where, unmapped).filter((h) => !(h.name.toLowerCase() === 'content-type' && isRecord(r.body) && str(r.body.mimeType).toLowerCase() === h.value.toLowerCase() && !str(r.body.mimeType).startsWith('text/')));
  const options: Record<string, unknown> = {};
  if (r.settingFollowRedirects === 'off') options.followRedirects = false;
  // Salvo has one cookie-jar switch per request: either Insomnia setting off turns it off.
  if (r.settingSendCookies === false || r.settingStoreCookies === false) {
    options.useCookieJar = false;
    if (r.settingSendCookies !== r.settingStoreCookies) unmapped.add(where, 'sending and storing cookies are one setting in Salvo: the cookie jar is off for this request');
  }
  for (const k of ['settingEncodeUrl', 'settingRebuildPath']) if (r[k] === false) unmapped.add(where, `${k} off is not supported`);
  const method = str(r.method, 'GET').toUpperCase();
  return SavedRequestSchema.parse({
    name: str(r.name, 'Untitled'),
    method: /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(method) ? method : 'GET',
    url: template(str(r.url), where, unmapped),
    params: rows(r.parameters, where, unmapped),
    headers,
    body: body(r.body, where, unmapped),
    auth: auth(r.authentication, where, unmapped),
    options,
    ...(typeof r.description === 'string' && r.description !== '' ? { description: r.description } : {}),
  });
}

const IGNORED_TYPES = new Set(['workspace', 'environment', 'cookie_jar', 'request_group', 'request']);

/** Imports an Insomnia v4 export (parsed JSON or YAML). */
export function importInsomnia(doc: unknown): ImportResult {
  if (!isInsomnia(doc) || !isRecord(doc)) throw new SalvoError('invalid-input', 'not an Insomnia v4 export');
  const unmapped = new Unmapped();
  const resources = arr(doc.resources).filter(isRecord);
  const workspace = resources.find((r) => r._type === 'workspace');
  const wsId = workspace ? str(workspace._id) : '';
  const byParent = new Map<string, Resource[]>();
  for (const r of resources) {
    const parent = str(r.parentId);
    byParent.set(parent, [...(byParent.get(parent) ?? []), r]);
    if (!IGNORED_TYPES.has(str(r._type))) unmapped.add(str(r.name, str(r._id)), `${str(r._type)} resources are not supported`);
  }
  const sortKey = (r: Resource): number => (typeof r.metaSortKey === 'number' ? r.metaSortKey : 0);
  const baseEnv = resources.find((r) => r._type === 'environment' && str(r.parentId) === wsId);
  const collectionVars: Variable[] = [];
  if (baseEnv) flatten(baseEnv.data, '', collectionVars);
  const environments: Environment[] = [];
  for (const env of resources.filter((r) => r._type === 'environment' && baseEnv !== undefined && str(r.parentId) === str(baseEnv._id))) {
    const vars: Variable[] = [];
    flatten(env.data, '', vars);
    environments.push({ name: str(env.name, 'Environment'), variables: vars });
  }
  const fill = (into: ImportedFolder, parentId: string, trail: string, depth: number): void => {
    const children = (byParent.get(parentId) ?? []).filter((r) => r._type === 'request' || r._type === 'request_group').sort((a, b) => sortKey(a) - sortKey(b));
    for (const child of children) {
      const where = trail === '' ? str(child.name) : `${trail}/${str(child.name)}`;
      if (child._type === 'request') {
        into.items.push({ kind: 'request', request: request(child, where, unmapped) });
      } else if (depth < 32) {
        const vars: Variable[] = [];
        flatten(child.environment, '', vars);
        const sub: ImportedFolder = { ...emptyFolder(str(child.name, 'Folder')), variables: vars, auth: auth(child.authentication, where, unmapped), ...(typeof child.description === 'string' && child.description !== '' ? { description: child.description } : {}) };
        fill(sub, str(child._id), where, depth + 1);
        into.items.push({ kind: 'folder', folder: sub });
      }
    }
  };
  const root: ImportedCollection = { ...emptyFolder(workspace ? str(workspace.name, 'Insomnia import') : 'Insomnia import'), auth: { type: 'none' }, variables: collectionVars, environments };
  fill(root, wsId, '', 0);
  return { collection: root, report: makeReport('insomnia', root, unmapped) };
}
