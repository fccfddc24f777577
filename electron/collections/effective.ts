import type { Variable } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import type { Auth, KeyValue, RequestSpec } from '../../shared/model/request';
import { layerFrom, referencedNames } from '../../shared/lib/variables';
import type { VariableLayer } from '../../shared/lib/variables';
import type { EffectiveRequest } from '../handlers/context';
import { variableSecret } from '../secrets/secret-key';
import { joinRel, parentRel } from './names';
import type { OpenCollection } from './open-collection';

/** Folder paths from the outermost to the one holding `requestPath` ('' excluded). */
function folderChain(requestPath: string | undefined): string[] {
  if (requestPath === undefined) return [];
  const parts = parentRel(requestPath).split('/').filter((p) => p !== '');
  return parts.map((_, i) => joinRel(...parts.slice(0, i + 1)));
}

/** Default headers merged outer to inner; a narrower level (or the request) replaces a header of the same name. */
function mergeHeaders(levels: ReadonlyArray<readonly KeyValue[]>, own: readonly KeyValue[]): KeyValue[] {
  const ownNames = new Set(own.filter((h) => h.enabled).map((h) => h.name.toLowerCase()));
  const merged = new Map<string, KeyValue>();
  for (const level of levels) for (const h of level) if (h.enabled && !ownNames.has(h.name.toLowerCase())) merged.set(h.name.toLowerCase(), h);
  return [...merged.values(), ...own];
}

function authNames(auth: Auth): string[] {
  switch (auth.type) {
    case 'basic':
    case 'digest':
    case 'bearer':
      return ['Authorization'];
    case 'apikey':
      return auth.key === '' ? [] : [auth.key];
    case 'none':
    case 'inherit':
      return [];
  }
}

async function envLayer(c: OpenCollection, environment: string | undefined): Promise<VariableLayer | undefined> {
  if (environment === undefined || environment === '') return undefined;
  const found = c.loaded.environments.get(environment);
  if (!found) throw new SalvoError('not-found', `no such environment: ${environment}`);
  const rows: Variable[] = [];
  for (const v of found.env.variables) {
    if (!v.secret) rows.push(v);
    else rows.push({ ...v, value: (await c.deps.secrets.get(variableSecret(c.secretScope(), environment, v.name))) ?? v.value });
  }
  return layerFrom('environment', rows);
}

/**
 * The request as it will be sent: collection → folder default headers merged, `inherit` auth
 * resolved by walking up, and the variable layers (collection, environment, folders outer→inner).
 * `environment` undefined means the active one; '' means none.
 */
export async function effectiveRequest(c: OpenCollection, requestPath: string | undefined, environment: string | undefined, given?: RequestSpec): Promise<EffectiveRequest> {
  const l = c.loaded;
  let spec: RequestSpec;
  let name = 'Untitled';
  if (given) spec = given;
  else {
    if (requestPath === undefined) throw new SalvoError('invalid-input', 'a request path or a spec is needed');
    const saved = l.requests.get(requestPath);
    if (!saved) throw new SalvoError('not-found', `no such request: ${requestPath}`);
    spec = saved.request;
    name = saved.request.name;
  }
  if (requestPath !== undefined && l.requests.has(requestPath)) name = l.requests.get(requestPath)?.request.name ?? name;
  const chain = folderChain(requestPath).map((p) => l.folders.get(p)?.settings).filter((s) => s !== undefined);
  const headers = mergeHeaders([l.settings.headers, ...chain.map((s) => s.headers)], spec.headers);
  let auth: Auth = spec.auth;
  for (let i = chain.length - 1; auth.type === 'inherit' && i >= 0; i--) auth = chain[i]?.auth ?? auth;
  if (auth.type === 'inherit') auth = l.settings.auth.type === 'inherit' ? { type: 'none' } : l.settings.auth;

  const env = await envLayer(c, environment === undefined ? c.deps.activeEnv(c.secretScope()) : environment);
  const layers: VariableLayer[] = [layerFrom('collection', l.settings.variables), ...(env ? [env] : []), ...chain.map((s) => layerFrom('folder', s.variables))];
  const secretNames = new Set<string>();
  for (const layer of layers) for (const s of layer.secrets ?? []) secretNames.add(s);
  const sensitive = new Set(authNames(auth));
  for (const row of [...headers, ...spec.params]) if (referencedNames(row.value).some((n) => secretNames.has(n))) sensitive.add(row.name);
  const resolvedSpec: RequestSpec = { ...spec, headers, auth };
  const hostTls = await c.hostTls();
  return { path: requestPath ?? '', name, spec: resolvedSpec, layers, sensitiveNames: [...sensitive], files: c.files, ...(hostTls === undefined ? {} : { hostTls }) };
}
