import type { CertificateEntry, CollectionSettings, Environment, FolderSettings, SavedRequest, Variable } from '../../shared/model/collection';
import { RequestOptionsSchema } from '../../shared/model/request';
import type { Auth, Body, KeyValue, MultipartField, RequestOptions } from '../../shared/model/request';
import { toYaml } from './yaml-io';

/** Current collection format version written into salvo.yaml. */
export const FORMAT_VERSION = 1;
/** File names with a fixed meaning inside a collection. */
export const COLLECTION_FILE = 'salvo.yaml';
/** Optional settings file of a sub-folder. */
export const FOLDER_FILE = 'folder.yaml';
/** Folder of environment files. */
export const ENV_DIR = 'environments';
/** Folder of batch-run configuration files. */
export const RUNS_DIR = 'runs';
/** Extension of request, environment and run files. */
export const REQUEST_EXT = '.yaml';

const DEFAULT_OPTIONS: RequestOptions = RequestOptionsSchema.parse({});

type Plain = Record<string, unknown>;

function row(kv: KeyValue): Plain {
  const out: Plain = { name: kv.name, value: kv.value };
  if (!kv.enabled) out.enabled = false;
  if (kv.description !== undefined) out.description = kv.description;
  return out;
}

function variable(v: Variable): Plain {
  // Secret values never touch the collection folder: the SecretStore holds them.
  const out: Plain = { name: v.name, value: v.secret ? '' : v.value };
  if (!v.enabled) out.enabled = false;
  if (v.secret) out.secret = true;
  if (v.description !== undefined) out.description = v.description;
  return out;
}

function multipartField(f: MultipartField): Plain {
  const out: Plain = f.kind === 'text' ? { kind: 'text', name: f.name, value: f.value } : { kind: 'file', name: f.name, path: f.path };
  if (!f.enabled) out.enabled = false;
  if (f.contentType !== undefined) out.contentType = f.contentType;
  if (f.kind === 'file' && f.fileName !== undefined) out.fileName = f.fileName;
  return out;
}

function body(b: Body): Plain {
  switch (b.mode) {
    case 'none':
      return { mode: 'none' };
    case 'json':
    case 'xml':
      return { mode: b.mode, text: b.text };
    case 'text':
      return b.contentType === undefined ? { mode: 'text', text: b.text } : { mode: 'text', contentType: b.contentType, text: b.text };
    case 'form':
      return { mode: 'form', fields: b.fields.map(row) };
    case 'multipart':
      return { mode: 'multipart', fields: b.fields.map(multipartField) };
    case 'binary':
      return b.contentType === undefined ? { mode: 'binary', path: b.path } : { mode: 'binary', path: b.path, contentType: b.contentType };
  }
}

/** Auth in a fixed key order (the discriminant first). */
export function authToPlain(a: Auth): Plain {
  switch (a.type) {
    case 'none':
    case 'inherit':
      return { type: a.type };
    case 'basic':
    case 'digest':
      return { type: a.type, username: a.username, password: a.password };
    case 'bearer':
      return a.prefix === undefined ? { type: 'bearer', token: a.token } : { type: 'bearer', token: a.token, prefix: a.prefix };
    case 'apikey':
      return { type: 'apikey', key: a.key, value: a.value, in: a.in };
  }
}

function options(o: RequestOptions): Plain | undefined {
  const out: Plain = {};
  const t: Plain = {};
  for (const k of ['connect', 'headers', 'bodyIdle', 'total'] as const) if (o.timeouts[k] !== DEFAULT_OPTIONS.timeouts[k]) t[k] = o.timeouts[k];
  if (Object.keys(t).length > 0) out.timeouts = t;
  for (const k of ['followRedirects', 'maxRedirects', 'verifyTls', 'http2', 'useCookieJar'] as const) if (o[k] !== DEFAULT_OPTIONS[k]) out[k] = o[k];
  // clientPassphrase is runtime only (from the secret store): never written.
  for (const k of ['caFile', 'clientCertFile', 'clientKeyFile', 'clientPfxFile', 'proxyUrl', 'bodyCapBytes'] as const) if (o[k] !== undefined) out[k] = o[k];
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * A request as a plain object in the fixed file key order, defaults omitted, so files stay
 * small and a one-field edit changes one line.
 */
export function requestToPlain(r: SavedRequest): Plain {
  const out: Plain = { name: r.name, method: r.method, url: r.url };
  if (r.description !== undefined) out.description = r.description;
  if (r.params.length > 0) out.params = r.params.map(row);
  if (r.headers.length > 0) out.headers = r.headers.map(row);
  if (r.auth.type !== 'none') out.auth = authToPlain(r.auth);
  if (r.body.mode !== 'none') out.body = body(r.body);
  if (r.variables.length > 0) out.variables = r.variables.map(row);
  if (r.assertions.length > 0) out.assertions = r.assertions;
  if (r.extractions.length > 0) out.extractions = r.extractions;
  const opts = options(r.options);
  if (opts) out.options = opts;
  if (r.notes !== undefined && r.notes.length > 0) out.notes = r.notes;
  return out;
}

function folderPlain(s: FolderSettings, defaultAuth: Auth['type']): Plain {
  const out: Plain = { name: s.name };
  if (s.description !== undefined) out.description = s.description;
  if (s.variables.length > 0) out.variables = s.variables.map(variable);
  if (s.headers.length > 0) out.headers = s.headers.map(row);
  if (s.auth.type !== defaultAuth) out.auth = authToPlain(s.auth);
  if (s.order.length > 0) out.order = s.order;
  return out;
}

/** Serialised request file text. */
export function serializeRequest(r: SavedRequest): string {
  return toYaml(requestToPlain(r));
}

/** Serialised folder.yaml text. */
export function serializeFolder(s: FolderSettings): string {
  return toYaml(folderPlain(s, 'inherit'));
}

/** A certificate entry in a fixed key order, unset keys left out. */
function certificate(e: CertificateEntry): Plain {
  const out: Plain = { host: e.host };
  for (const k of ['caFile', 'certFile', 'keyFile', 'pfxFile', 'verifyTls'] as const) if (e[k] !== undefined) out[k] = e[k];
  return out;
}

/** Serialised salvo.yaml text: formatVersion always written right after the name, then the id (when there is one); certificates after auth. */
export function serializeCollection(s: CollectionSettings): string {
  const { name, order, ...rest } = folderPlain(s, 'none');
  const out: Plain = { name, formatVersion: s.formatVersion };
  if (s.id !== undefined) out.id = s.id;
  Object.assign(out, rest);
  if (s.certificates.length > 0) out.certificates = s.certificates.map(certificate);
  if (order !== undefined) out.order = order;
  return toYaml(out);
}

/** Serialised environment file text; secret values are written empty. */
export function serializeEnvironment(e: Environment): string {
  return toYaml(e.variables.length > 0 ? { name: e.name, variables: e.variables.map(variable) } : { name: e.name });
}

/** A folder.yaml is only worth writing when it holds more than the directory name says. */
export function isDefaultFolder(s: FolderSettings, dirName: string): boolean {
  return s.name === dirName && s.variables.length === 0 && s.headers.length === 0 && s.auth.type === 'inherit' && s.order.length === 0 && s.description === undefined;
}
