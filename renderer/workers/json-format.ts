import { JSONPath } from 'jsonpath-plus';

/** A request to the formatting worker; with `jsonPath` set only the matches are returned. */
export interface FormatRequest {
  readonly id: number;
  readonly text: string;
  readonly indent: number;
  readonly jsonPath?: string;
}

/** The worker's answer: formatted text (and whether it parsed as complete JSON), or the parse error. */
export type FormatResponse = { readonly id: number; readonly ok: true; readonly text: string; readonly isJson: boolean } | { readonly id: number; readonly ok: false; readonly error: string };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

/**
 * Re-indents JSON token by token without parsing it, so a truncated preview still formats and
 * numbers keep their exact digits (JSON.parse would round 2^53+ integers).
 */
export function reindentJson(text: string, indent = 2): string {
  const out: string[] = [];
  const pad = (depth: number): string => `\n${' '.repeat(depth * indent)}`;
  let depth = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (inString) {
      out.push(ch);
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (WHITESPACE.has(ch)) continue;
    if (ch === '"') {
      inString = true;
      out.push(ch);
    } else if (ch === '{' || ch === '[') {
      let j = i + 1;
      while (j < text.length && WHITESPACE.has(text[j] ?? '')) j++;
      const close = ch === '{' ? '}' : ']';
      if (text[j] === close) {
        // Keep empty containers on one line.
        out.push(ch, close);
        i = j;
        continue;
      }
      depth++;
      out.push(ch, pad(depth));
    } else if (ch === '}' || ch === ']') {
      depth = Math.max(0, depth - 1);
      out.push(pad(depth), ch);
    } else if (ch === ',') out.push(',', pad(depth));
    else if (ch === ':') out.push(': ');
    else out.push(ch);
  }
  return out.join('');
}

/** Applies a JSONPath filter to complete JSON; the matches come back as a pretty JSON array. */
export function filterJsonText(request: FormatRequest & { jsonPath: string }): FormatResponse {
  let json: unknown;
  try {
    json = JSON.parse(request.text);
  } catch {
    return { id: request.id, ok: false, error: 'the body is not complete JSON (load all of it to filter)' };
  }
  try {
    // 'safe' is jsonpath-plus's own expression interpreter: no eval/Function, CSP-compatible.
    const matches: unknown = JSONPath({ path: request.jsonPath, json: json as object, wrap: true, eval: 'safe' });
    return { id: request.id, ok: true, text: JSON.stringify(matches, null, request.indent), isJson: true };
  } catch (err) {
    return { id: request.id, ok: false, error: `JSONPath: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Pretty-prints JSON (complete or truncated); reports whether the text parsed as complete JSON. */
export function formatJsonText(request: FormatRequest): FormatResponse {
  if (request.jsonPath !== undefined && request.jsonPath.trim() !== '') return filterJsonText({ ...request, jsonPath: request.jsonPath });
  let isJson = true;
  try {
    JSON.parse(request.text);
  } catch (err) {
    isJson = false;
    // Text that is not even JSON-shaped is an error for the Format button; truncated JSON still formats.
    if (!/^\s*[[{]/.test(request.text)) return { id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  return { id: request.id, ok: true, text: reindentJson(request.text, request.indent), isJson };
}
