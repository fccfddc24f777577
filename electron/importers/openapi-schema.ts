import { isRecord } from './model';

/** Resolves local `#/...` JSON pointers; external refs return undefined. */
export function resolveRef(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isRecord(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Follows `$ref` chains (bounded) and returns the target with the refs seen. */
export function deref(doc: unknown, node: unknown, seen: readonly string[] = []): { node: unknown; seen: readonly string[] } {
  let current = node;
  let trail = seen;
  for (let i = 0; i < 16 && isRecord(current) && typeof current.$ref === 'string'; i++) {
    const ref = current.$ref;
    if (trail.includes(ref)) return { node: undefined, seen: trail };
    trail = [...trail, ref];
    current = resolveRef(doc, ref);
  }
  return { node: current, seen: trail };
}

const MAX_DEPTH = 8;

function stringExample(format: string): string {
  switch (format) {
    case 'date-time':
      return '2024-01-01T00:00:00Z';
    case 'date':
      return '2024-01-01';
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '00000000-0000-0000-0000-000000000000';
    case 'uri':
    case 'url':
      return 'https://example.com';
    default:
      return 'string';
  }
}

/** Builds an example value from a JSON schema: example, default, enum, then by type; cycles and depth bounded. */
export function exampleFromSchema(doc: unknown, schema: unknown, seen: readonly string[] = [], depth = 0): unknown {
  const { node, seen: trail } = deref(doc, schema, seen);
  if (!isRecord(node) || depth > MAX_DEPTH) return null;
  if (node.example !== undefined) return node.example;
  if (Array.isArray(node.examples) && node.examples.length > 0) return node.examples[0];
  if (node.default !== undefined) return node.default;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  if (node.const !== undefined) return node.const;
  if (Array.isArray(node.allOf)) {
    const merged: Record<string, unknown> = {};
    for (const part of node.allOf) {
      const v = exampleFromSchema(doc, part, trail, depth + 1);
      if (isRecord(v)) Object.assign(merged, v);
    }
    return merged;
  }
  for (const k of ['oneOf', 'anyOf'] as const) {
    const options = node[k];
    if (Array.isArray(options) && options.length > 0) return exampleFromSchema(doc, options[0], trail, depth + 1);
  }
  const type = Array.isArray(node.type) ? String(node.type.find((t) => t !== 'null') ?? 'null') : typeof node.type === 'string' ? node.type : isRecord(node.properties) ? 'object' : node.items !== undefined ? 'array' : '';
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      if (isRecord(node.properties)) {
        for (const [k, v] of Object.entries(node.properties)) {
          if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
          if (isRecord(v) && v.readOnly === true) continue;
          out[k] = exampleFromSchema(doc, v, trail, depth + 1);
        }
      }
      return out;
    }
    case 'array':
      return [exampleFromSchema(doc, node.items, trail, depth + 1)];
    case 'string':
      return stringExample(typeof node.format === 'string' ? node.format : '');
    case 'integer':
    case 'number':
      return typeof node.minimum === 'number' ? node.minimum : 0;
    case 'boolean':
      return true;
    default:
      return null;
  }
}
