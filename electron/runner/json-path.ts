import { JSONPath } from 'jsonpath-plus';

/** The result of a JSON path query: every match, in document order. */
export type JsonPathOutcome = { ok: true; values: unknown[] } | { ok: false; reason: string };

/**
 * Evaluates a JSON path with script evaluation disabled (`eval: false`): filter and script
 * expressions are refused, so a saved collection can never run code through a path.
 */
export function queryJsonPath(path: string, document: unknown): JsonPathOutcome {
  const expression = path.trim() === '' ? '$' : path.trim();
  try {
    const values: unknown = JSONPath({ path: expression, json: document as object, wrap: true, eval: false, ignoreEvalErrors: false });
    return { ok: true, values: Array.isArray(values) ? (values as unknown[]) : [] };
  } catch (err) {
    return { ok: false, reason: `invalid JSON path ${expression}: ${err instanceof Error ? err.message : String(err)}` };
  }
}
