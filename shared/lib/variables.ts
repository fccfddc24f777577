import type { Body, KeyValue, RequestSpec, Auth } from '../model/request';

/** One variable layer; layers are ordered widest first, so later layers win. */
export interface VariableLayer {
  readonly scope: 'collection' | 'environment' | 'folder' | 'request' | 'data' | 'runtime';
  readonly values: ReadonlyMap<string, string>;
  /** Names in this layer whose values are secret (redacted in history, reports, logs). */
  readonly secrets?: ReadonlySet<string>;
}

export interface ResolveOutcome<T> {
  readonly value: T;
  /** Names referenced but defined in no layer (sorted, unique). */
  readonly unresolved: readonly string[];
  /** Secret values that were substituted somewhere (for redaction). */
  readonly secretValues: readonly string[];
}

const TEMPLATE = /\{\{\s*([^{}\s]+)\s*\}\}/g;
const MAX_DEPTH = 8;

/** Builds a layer from enabled key/value rows (disabled rows are ignored; later duplicates win). */
export function layerFrom(scope: VariableLayer['scope'], rows: ReadonlyArray<{ name: string; value: string; enabled?: boolean; secret?: boolean }>): VariableLayer {
  const values = new Map<string, string>();
  const secrets = new Set<string>();
  for (const row of rows) {
    if (row.enabled === false || row.name === '') continue;
    values.set(row.name, row.value);
    if (row.secret) secrets.add(row.name);
  }
  return { scope, values, secrets };
}

/** Names of the dynamic values; each use produces a fresh value. */
export const DYNAMIC_VARIABLES = ['$uuid', '$timestamp', '$isoTimestamp', '$randomInt'] as const;

/** Web Crypto is global in Node, Electron and browsers; shared/ has no platform typings. */
function webCrypto(): { randomUUID(): string } {
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto;
}

function dynamicValue(name: string): string | undefined {
  switch (name) {
    case '$uuid':
      return webCrypto().randomUUID();
    case '$timestamp':
      return String(Math.floor(Date.now() / 1000));
    case '$isoTimestamp':
      return new Date().toISOString();
    case '$randomInt':
      return String(Math.floor(Math.random() * 1001));
    default:
      return undefined;
  }
}

/** Looks a name up, narrowest layer first. */
export function lookup(layers: readonly VariableLayer[], name: string): { value: string; secret: boolean } | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (layer === undefined) continue;
    const value = layer.values.get(name);
    if (value !== undefined) return { value, secret: layer.secrets?.has(name) ?? false };
  }
  return undefined;
}

/** Lists the `{{names}}` a string references (dynamic names included). */
export function referencedNames(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(TEMPLATE)) if (match[1] !== undefined) out.push(match[1]);
  return out;
}

class Resolver {
  readonly unresolved = new Set<string>();
  readonly secretValues = new Set<string>();
  constructor(private readonly layers: readonly VariableLayer[]) {}

  text(input: string, depth = 0, seen: readonly string[] = []): string {
    if (!input.includes('{{')) return input;
    return input.replace(TEMPLATE, (whole, name: string) => {
      const dynamic = dynamicValue(name);
      if (dynamic !== undefined) return dynamic;
      const found = lookup(this.layers, name);
      if (found === undefined || seen.includes(name) || depth >= MAX_DEPTH) {
        this.unresolved.add(name);
        return whole;
      }
      // Values may reference other variables; resolve them with cycle detection.
      const resolved = this.text(found.value, depth + 1, [...seen, name]);
      if (found.secret && resolved !== '') this.secretValues.add(resolved);
      return resolved;
    });
  }

  rows(rows: readonly KeyValue[]): KeyValue[] {
    return rows.map((row) => (row.enabled ? { ...row, name: this.text(row.name), value: this.text(row.value) } : row));
  }

  body(body: Body): Body {
    switch (body.mode) {
      case 'none':
        return body;
      case 'json':
      case 'xml':
        return { ...body, text: this.text(body.text) };
      case 'text':
        return { ...body, text: this.text(body.text) };
      case 'form':
        return { ...body, fields: this.rows(body.fields) };
      case 'multipart':
        return {
          ...body,
          fields: body.fields.map((f) => {
            if (!f.enabled) return f;
            return f.kind === 'text' ? { ...f, name: this.text(f.name), value: this.text(f.value) } : { ...f, name: this.text(f.name), path: this.text(f.path) };
          }),
        };
      case 'binary':
        return { ...body, path: this.text(body.path) };
    }
  }

  auth(auth: Auth): Auth {
    switch (auth.type) {
      case 'none':
      case 'inherit':
        return auth;
      case 'basic':
      case 'digest':
        return { ...auth, username: this.text(auth.username), password: this.text(auth.password) };
      case 'bearer':
        return { ...auth, token: this.text(auth.token) };
      case 'apikey':
        return { ...auth, key: this.text(auth.key), value: this.text(auth.value) };
    }
  }
}

/**
 * Substitutes `{{name}}` in URL, params, headers, body and auth from the layers (narrowest wins)
 * plus the request's own variables. Unresolved names are reported, not sent literally: the caller
 * must refuse to send when `unresolved` is non-empty.
 */
export function resolveRequest(spec: RequestSpec, layers: readonly VariableLayer[]): ResolveOutcome<RequestSpec> {
  const requestLayer = layerFrom('request', spec.variables);
  // The request's own variables sit below data rows and runtime values.
  const ordered = [...layers.filter((l) => l.scope !== 'data' && l.scope !== 'runtime'), requestLayer, ...layers.filter((l) => l.scope === 'data' || l.scope === 'runtime')];
  const r = new Resolver(ordered);
  const value: RequestSpec = {
    ...spec,
    url: r.text(spec.url),
    params: r.rows(spec.params),
    headers: r.rows(spec.headers),
    body: r.body(spec.body),
    auth: r.auth(spec.auth),
  };
  return { value, unresolved: [...r.unresolved].sort(), secretValues: [...r.secretValues] };
}

/** Resolves one string (used for previews and hover values). */
export function resolveText(text: string, layers: readonly VariableLayer[]): ResolveOutcome<string> {
  const r = new Resolver(layers);
  const value = r.text(text);
  return { value, unresolved: [...r.unresolved].sort(), secretValues: [...r.secretValues] };
}

/** Replaces every secret value in a string with a fixed mask. */
export function redact(text: string, secretValues: readonly string[]): string {
  let out = text;
  for (const secret of secretValues) if (secret.length > 0) out = out.split(secret).join('••••••');
  return out;
}
