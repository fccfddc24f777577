import { SavedRequestSchema } from '../../shared/model/collection';
import type { Environment, SavedRequest, Variable } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import type { Auth, Body, KeyValue } from '../../shared/model/request';
import { arr, emptyFolder, isRecord, makeReport, str, Unmapped } from './model';
import type { ImportedCollection, ImportedFolder, ImportResult } from './model';
import { deref, exampleFromSchema } from './openapi-schema';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** True for an OpenAPI 3.x document; Swagger 2.0 is recognised so it can be refused clearly. */
export function isOpenApi(doc: unknown): boolean {
  return isRecord(doc) && (str(doc.openapi).startsWith('3.') || str(doc.swagger).startsWith('2'));
}

function serverUrl(server: Record<string, unknown>): string {
  const vars = isRecord(server.variables) ? server.variables : {};
  return str(server.url).replace(/\{([^}]+)\}/g, (m, name: string) => {
    const v = vars[name];
    return isRecord(v) && v.default !== undefined ? str(v.default) : m;
  });
}

function paramValue(doc: unknown, p: Record<string, unknown>): string {
  if (p.example !== undefined) return typeof p.example === 'string' ? p.example : JSON.stringify(p.example);
  if (isRecord(p.examples)) {
    const first = deref(doc, Object.values(p.examples)[0]).node;
    if (isRecord(first) && first.value !== undefined) return typeof first.value === 'string' ? first.value : JSON.stringify(first.value);
  }
  const s = deref(doc, p.schema).node;
  if (isRecord(s) && (s.example !== undefined || s.default !== undefined || Array.isArray(s.enum))) {
    const v = exampleFromSchema(doc, s);
    return typeof v === 'string' ? v : JSON.stringify(v);
  }
  return '';
}

function mediaExample(doc: unknown, media: Record<string, unknown>): unknown {
  if (media.example !== undefined) return media.example;
  if (isRecord(media.examples)) {
    const first = deref(doc, Object.values(media.examples)[0]).node;
    if (isRecord(first) && first.value !== undefined) return first.value;
  }
  return exampleFromSchema(doc, media.schema);
}

function body(doc: unknown, op: Record<string, unknown>, where: string, unmapped: Unmapped): Body {
  const rb = deref(doc, op.requestBody).node;
  if (!isRecord(rb) || !isRecord(rb.content)) return { mode: 'none' };
  const types = Object.keys(rb.content);
  const pick = types.find((t) => /json/i.test(t)) ?? types.find((t) => t === 'application/x-www-form-urlencoded') ?? types.find((t) => t === 'multipart/form-data') ?? types.find((t) => /xml/i.test(t)) ?? types[0];
  if (pick === undefined) return { mode: 'none' };
  if (types.length > 1) unmapped.add(where, `request body types other than ${pick} not imported (${types.filter((t) => t !== pick).join(', ')})`);
  const media = isRecord(rb.content[pick]) ? (rb.content[pick] as Record<string, unknown>) : {};
  const example = mediaExample(doc, media);
  if (/json/i.test(pick)) return { mode: 'json', text: JSON.stringify(example, null, 2) };
  if (pick === 'application/x-www-form-urlencoded' || pick === 'multipart/form-data') {
    const obj = isRecord(example) ? example : {};
    const rows = Object.entries(obj).map(([name, v]) => ({ name, value: typeof v === 'string' ? v : JSON.stringify(v), enabled: true }));
    if (pick === 'multipart/form-data') {
      const s = deref(doc, media.schema).node;
      const props = isRecord(s) && isRecord(s.properties) ? s.properties : {};
      return {
        mode: 'multipart',
        fields: rows.map((r) => {
          const prop = deref(doc, props[r.name]).node;
          return isRecord(prop) && prop.format === 'binary' ? { kind: 'file' as const, name: r.name, path: '', enabled: true } : { kind: 'text' as const, ...r };
        }),
      };
    }
    return { mode: 'form', fields: rows };
  }
  const text = typeof example === 'string' ? example : example === null ? '' : JSON.stringify(example);
  if (/xml/i.test(pick)) return { mode: 'xml', text };
  if (pick === 'application/octet-stream') return { mode: 'binary', path: '', contentType: pick };
  return { mode: 'text', text, contentType: pick };
}

function securityAuth(doc: Record<string, unknown>, security: unknown, where: string, unmapped: Unmapped): Auth | undefined {
  if (!Array.isArray(security)) return undefined;
  if (security.length === 0) return { type: 'none' };
  const req = security.find(isRecord);
  const name = req ? Object.keys(req)[0] : undefined;
  if (name === undefined) return { type: 'none' };
  const schemes = isRecord(doc.components) && isRecord(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  const scheme = deref(doc, schemes[name]).node;
  if (!isRecord(scheme)) {
    unmapped.add(where, `security scheme ${name} not found`);
    return { type: 'none' };
  }
  const type = str(scheme.type);
  const httpScheme = str(scheme.scheme).toLowerCase();
  if (type === 'http' && httpScheme === 'basic') return { type: 'basic', username: '{{username}}', password: '{{password}}' };
  if (type === 'http' && httpScheme === 'bearer') return { type: 'bearer', token: '{{token}}' };
  if (type === 'http' && httpScheme === 'digest') return { type: 'digest', username: '{{username}}', password: '{{password}}' };
  if (type === 'apiKey' && (scheme.in === 'header' || scheme.in === 'query')) return { type: 'apikey', key: str(scheme.name), value: '{{apiKey}}', in: scheme.in };
  unmapped.add(where, `security scheme ${name} (${type}${httpScheme ? ' ' + httpScheme : ''}${scheme.in ? ' in ' + str(scheme.in) : ''}) is not supported`);
  return { type: 'none' };
}

function operation(doc: Record<string, unknown>, path: string, method: string, op: Record<string, unknown>, shared: unknown[], unmapped: Unmapped, pathVars: Map<string, string>): SavedRequest {
  const name = str(op.summary) || str(op.operationId) || `${method.toUpperCase()} ${path}`;
  const where = `${method.toUpperCase()} ${path}`;
  const params: KeyValue[] = [];
  const headers: KeyValue[] = [];
  const merged = new Map<string, Record<string, unknown>>();
  for (const p of [...shared, ...arr(op.parameters)]) {
    const node = deref(doc, p).node;
    if (isRecord(node)) merged.set(`${str(node.in)}:${str(node.name)}`, node);
  }
  for (const p of merged.values()) {
    const row = { name: str(p.name), value: paramValue(doc, p), enabled: p.required === true || paramValue(doc, p) !== '', ...(typeof p.description === 'string' ? { description: p.description } : {}) };
    if (p.in === 'query') params.push(row);
    else if (p.in === 'header') headers.push(row);
    else if (p.in === 'path') {
      if (row.value !== '' && !pathVars.has(row.name)) pathVars.set(row.name, row.value);
    } else unmapped.add(where, `${str(p.in)} parameter ${str(p.name)} not imported`);
  }
  for (const k of ['callbacks', 'links']) if (op[k] !== undefined) unmapped.add(where, `${k} not imported`);
  const auth = securityAuth(doc, op.security, where, unmapped) ?? { type: 'inherit' as const };
  const description = str(op.description);
  return SavedRequestSchema.parse({
    name,
    method: method.toUpperCase(),
    url: `{{baseUrl}}${path.replace(/\{([^}]+)\}/g, '{{$1}}')}`,
    params,
    headers,
    body: body(doc, op, where, unmapped),
    auth,
    ...(description === '' ? {} : { description }),
  });
}

/** Imports an OpenAPI 3.x document: one request per operation, grouped by first tag, servers[0] → `baseUrl`. */
export function importOpenApi(doc: unknown): ImportResult {
  if (!isRecord(doc) || !isOpenApi(doc)) throw new SalvoError('invalid-input', 'not an OpenAPI 3 document');
  if (!str(doc.openapi).startsWith('3.')) throw new SalvoError('invalid-input', 'Swagger/OpenAPI 2.0 is not supported: convert it to OpenAPI 3 first');
  const unmapped = new Unmapped();
  const info = isRecord(doc.info) ? doc.info : {};
  const servers = arr(doc.servers).filter(isRecord);
  const baseUrl = servers[0] ? serverUrl(servers[0]) : '';
  if (baseUrl === '') unmapped.add('servers', 'no server URL: set the baseUrl variable');
  else if (!/^[a-z]+:\/\//i.test(baseUrl)) unmapped.add('servers', `relative server URL ${baseUrl}: prefix it with the host in baseUrl`);
  const variables: Variable[] = [{ name: 'baseUrl', value: baseUrl, enabled: true, secret: false }];
  const environments: Environment[] = servers.length > 1 ? servers.map((s, i) => ({ name: str(s.description) || `server ${i + 1}`, variables: [{ name: 'baseUrl', value: serverUrl(s), enabled: true, secret: false }] })) : [];
  const description = str(info.description);
  const root: ImportedCollection = { ...emptyFolder(str(info.title, 'OpenAPI import')), auth: securityAuth(doc, doc.security, 'document', unmapped) ?? { type: 'none' }, variables, environments, ...(description === '' ? {} : { description }) };
  const tagFolders = new Map<string, ImportedFolder>();
  for (const t of arr(doc.tags).filter(isRecord)) {
    const d = str(t.description);
    tagFolders.set(str(t.name), { ...emptyFolder(str(t.name)), ...(d === '' ? {} : { description: d }) });
  }
  const pathVars = new Map<string, string>();
  const paths = isRecord(doc.paths) ? doc.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const item = deref(doc, rawItem).node;
    if (!isRecord(item)) continue;
    for (const method of METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const request = operation(doc, path, method, op, arr(item.parameters), unmapped, pathVars);
      const tag = str(arr(op.tags)[0]);
      if (tag === '') root.items.push({ kind: 'request', request });
      else {
        let folder = tagFolders.get(tag);
        if (!folder) tagFolders.set(tag, (folder = emptyFolder(tag)));
        folder.items.push({ kind: 'request', request });
      }
    }
  }
  for (const [name, value] of pathVars) variables.push({ name, value, enabled: true, secret: false });
  for (const folder of tagFolders.values()) if (folder.items.length > 0) root.items.unshift({ kind: 'folder', folder });
  // unshift reversed the tag order; restore document order, folders first.
  const folders = root.items.filter((i) => i.kind === 'folder').reverse();
  const requests = root.items.filter((i) => i.kind === 'request');
  root.items.splice(0, root.items.length, ...folders, ...requests);
  if (doc.webhooks !== undefined) unmapped.add('document', 'webhooks not imported');
  return { collection: root, report: makeReport('openapi', root, unmapped) };
}
