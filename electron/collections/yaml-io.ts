import { isMap, isNode, isScalar, parseDocument, stringify } from 'yaml';
import type { z } from 'zod';
import type { FileProblem } from '../../shared/model/collection';
import { isForbiddenKey } from './names';

/** Largest collection file we parse; bigger files are reported, not read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_DEPTH = 64;
const MAX_ALIASES = 100;

/** A parsed and validated file, or the reason it could not be used. */
export type ParseOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: FileProblem };

function problem(path: string, line: number | undefined, reason: string): { ok: false; problem: FileProblem } {
  return { ok: false, problem: { path, line, reason } };
}

/** Walks a plain value checking depth and refusing prototype-polluting keys; returns the offending key path. */
function findBadKey(value: unknown, depth: number, trail: (string | number)[]): { trail: (string | number)[]; reason: string } | undefined {
  if (depth > MAX_DEPTH) return { trail, reason: `nested deeper than ${MAX_DEPTH} levels` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findBadKey(value[i], depth + 1, [...trail, i]);
      if (bad) return bad;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      if (isForbiddenKey(key)) return { trail: [...trail, key], reason: `forbidden key "${key}"` };
      const bad = findBadKey((value as Record<string, unknown>)[key], depth + 1, [...trail, key]);
      if (bad) return bad;
    }
  }
  return undefined;
}

/**
 * Parses untrusted YAML (collection files, imports) with limits: size, alias count, depth,
 * unique keys, no prototype keys. Then validates with `schema`. Problems carry a line number.
 */
export function parseYamlFile<S extends z.ZodType>(path: string, text: string, schema: S, prepare?: (raw: unknown) => unknown): ParseOutcome<z.output<S>> {
  try {
    return parseChecked(path, text, schema, prepare);
  } catch (err) {
    // A hostile file must never take the loader down: stack overflows and parser bugs become problems.
    return problem(path, undefined, isStackOverflow(err) ? 'nested too deeply to read' : `cannot parse: ${(err as Error).message}`);
  }
}

function parseChecked<S extends z.ZodType>(path: string, text: string, schema: S, prepare?: (raw: unknown) => unknown): ParseOutcome<z.output<S>> {
  if (text.length > MAX_FILE_BYTES) return problem(path, undefined, `file is larger than ${MAX_FILE_BYTES} bytes`);
  // Lines are computed from offsets only when something is wrong: the happy path stays cheap.
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  const first = doc.errors[0];
  if (first) return problem(path, lineAt(first.pos[0]), /call stack/i.test(first.message) ? 'nested too deeply to read' : (first.message.split('\n')[0] ?? 'YAML syntax error'));
  const lineOf = (trail: readonly (string | number)[]): number | undefined => {
    // Point at the key of the last segment when there is one: that is the line a person fixes.
    const parent: unknown = trail.length > 0 ? doc.getIn(trail.slice(0, -1), true) : undefined;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === trail[trail.length - 1]);
      if (pair && isNode(pair.key) && pair.key.range) return lineAt(pair.key.range[0]);
    }
    for (let n = trail.length; n >= 0; n--) {
      const node: unknown = doc.getIn(trail.slice(0, n), true);
      if (isNode(node) && node.range) return lineAt(node.range[0]);
    }
    return undefined;
  };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    return problem(path, undefined, isStackOverflow(err) ? 'nested too deeply to read' : (err as Error).message);
  }
  const bad = findBadKey(raw, 0, []);
  if (bad) return problem(path, lineOf(bad.trail), bad.reason);
  const parsed = schema.safeParse(prepare ? prepare(raw) : raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const trail = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    const where = trail.length > 0 ? ` at ${trail.join('.')}` : '';
    return problem(path, lineOf(trail), `invalid${where}: ${issue?.message ?? 'rejected'}`);
  }
  return { ok: true, value: parsed.data };
}

/** Serialises a plain value as YAML with stable, diff-friendly settings (no line folding, 2-space indent). */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, minContentWidth: 0, indent: 2, aliasDuplicateObjects: false, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
}

/** Stack overflows from deeply nested input (matched by message too: errors may come from another realm). */
function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError || (err instanceof Error && /call stack/i.test(err.message));
}
