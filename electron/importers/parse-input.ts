import { parseDocument } from 'yaml';
import { SalvoError } from '../../shared/model/errors';
import { isForbiddenKey } from '../collections/names';

/** Largest import accepted (matches the IPC payload limit). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const MAX_DEPTH = 200;

/** A parsed import document and the number of prototype-polluting keys that were dropped. */
export interface ParsedInput {
  readonly value: unknown;
  readonly droppedKeys: number;
}

function depthOf(value: unknown, limit: number): boolean {
  // Iterative so a hostile, deeply nested file cannot overflow the stack here.
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (d > limit) return false;
    if (typeof v === 'object' && v !== null) for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push([child, d + 1]);
  }
  return true;
}

/**
 * Parses an untrusted import as JSON, or else YAML (alias count bounded). `__proto__`,
 * `constructor` and `prototype` keys are dropped (and counted) so nothing downstream can be polluted.
 */
export function parseInput(text: string): ParsedInput {
  if (text.length > MAX_IMPORT_BYTES) throw new SalvoError('invalid-input', `input is larger than ${MAX_IMPORT_BYTES} bytes`);
  let dropped = 0;
  const reviver = (key: unknown, value: unknown): unknown => {
    if (typeof key === 'string' && isForbiddenKey(key)) {
      dropped++;
      return undefined;
    }
    return value;
  };
  let value: unknown;
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      value = JSON.parse(text, reviver);
    } catch (err) {
      throw new SalvoError('invalid-input', isStackOverflow(err) ? 'input is nested too deeply' : `invalid JSON: ${(err as Error).message}`);
    }
  } else {
    let doc;
    try {
      doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true });
    } catch (err) {
      throw new SalvoError('invalid-input', isStackOverflow(err) ? 'input is nested too deeply' : `invalid YAML: ${(err as Error).message}`);
    }
    const first = doc.errors[0];
    if (first) throw new SalvoError('invalid-input', `invalid YAML${first.linePos ? ` at line ${first.linePos[0].line}` : ''}: ${first.message.split('\n')[0] ?? ''}`);
    try {
      value = doc.toJS({ maxAliasCount: 100, reviver });
    } catch (err) {
      throw new SalvoError('invalid-input', isStackOverflow(err) ? 'input is nested too deeply' : `invalid YAML: ${(err as Error).message}`);
    }
  }
  if (!depthOf(value, MAX_DEPTH)) throw new SalvoError('invalid-input', `input is nested deeper than ${MAX_DEPTH} levels`);
  return { value, droppedKeys: dropped };
}

/** Stack overflows from deeply nested input (matched by message too: errors may come from another realm). */
function isStackOverflow(err: unknown): boolean {
  return err instanceof RangeError || (err instanceof Error && /call stack/i.test(err.message));
}
