import { assertNever } from '../../shared/model/errors';
import type { Assertion } from '../../shared/model/request';
import type { AssertionOutcome } from '../../shared/model/run';
import { queryJsonPath } from './json-path';
import type { ResponseFacts } from './response-facts';

/** Cap on a pattern's length: user regexes run on untrusted bodies. */
const MAX_PATTERN = 1000;
/** Actual values are shown capped so a huge body never lands in a report. */
const MAX_ACTUAL = 200;

/** Evaluates every assertion of a request against one response, in order. */
export function evaluateAssertions(assertions: readonly Assertion[], facts: ResponseFacts): AssertionOutcome[] {
  return assertions.map((assertion) => evaluateOne(assertion, facts));
}

function outcome(label: string, passed: boolean, expected: string, actual: string): AssertionOutcome {
  return { label, passed, expected, actual: cap(actual) };
}

function evaluateOne(a: Assertion, facts: ResponseFacts): AssertionOutcome {
  switch (a.type) {
    case 'status-equals':
      return outcome(`status equals ${a.value}`, facts.status === a.value, String(a.value), String(facts.status));
    case 'status-in-range':
      return outcome(`status in ${a.min}..${a.max}`, facts.status >= a.min && facts.status <= a.max, `${a.min}..${a.max}`, String(facts.status));
    case 'header-present': {
      const value = facts.header(a.name);
      return outcome(`header ${a.name} present`, value !== undefined, 'present', value === undefined ? 'absent' : value);
    }
    case 'header-equals': {
      const value = facts.header(a.name);
      return outcome(`header ${a.name} equals`, value === a.value, a.value, value ?? '(absent)');
    }
    case 'header-matches': {
      const value = facts.header(a.name);
      const re = compile(a.pattern);
      if (!re.ok) return outcome(`header ${a.name} matches /${a.pattern}/`, false, `/${a.pattern}/`, re.reason);
      return outcome(`header ${a.name} matches /${a.pattern}/`, value !== undefined && re.re.test(value), `/${a.pattern}/`, value ?? '(absent)');
    }
    case 'json-exists':
      return jsonAssertion(`json ${a.path} exists`, a.path, 'exists', facts, (values) => values.length > 0);
    case 'json-equals':
      return jsonAssertion(`json ${a.path} equals`, a.path, show(a.value), facts, (values) => values.length > 0 && deepEqual(first(values), a.value));
    case 'json-contains':
      return jsonAssertion(`json ${a.path} contains`, a.path, `contains ${show(a.value)}`, facts, (values) => values.length > 0 && contains(first(values), a.value));
    case 'json-matches': {
      const re = compile(a.pattern);
      if (!re.ok) return outcome(`json ${a.path} matches /${a.pattern}/`, false, `/${a.pattern}/`, re.reason);
      return jsonAssertion(`json ${a.path} matches /${a.pattern}/`, a.path, `/${a.pattern}/`, facts, (values) => values.length > 0 && re.re.test(asText(first(values))));
    }
    case 'body-contains': {
      const body = facts.bodyText();
      if (!body.ok) return outcome(`body contains ${show(a.value)}`, false, a.value, body.reason);
      const found = body.text.includes(a.value);
      return outcome(`body contains ${show(a.value)}`, found, a.value, found ? 'found' : 'not found');
    }
    case 'response-time-below':
      return outcome(`response time below ${a.ms} ms`, facts.durationMs < a.ms, `< ${a.ms} ms`, `${round(facts.durationMs)} ms`);
    case 'size-below':
      return outcome(`size below ${a.bytes} bytes`, facts.bodySize < a.bytes, `< ${a.bytes} bytes`, `${facts.bodySize} bytes`);
    default:
      return assertNever(a);
  }
}

function jsonAssertion(label: string, path: string, expected: string, facts: ResponseFacts, test: (values: unknown[]) => boolean): AssertionOutcome {
  const doc = facts.json();
  if (!doc.ok) return outcome(label, false, expected, doc.reason);
  const found = queryJsonPath(path, doc.value);
  if (!found.ok) return outcome(label, false, expected, found.reason);
  const actual = found.values.length === 0 ? '(no match)' : show(first(found.values));
  return outcome(label, test(found.values), expected, actual);
}

/** A JSON path selecting one node yields that node; a multi-match path yields the list. */
function first(values: unknown[]): unknown {
  return values.length === 1 ? values[0] : values;
}

/** Compiles a user pattern with a length bound; a bad pattern fails the assertion, not the run. */
export function compile(pattern: string): { ok: true; re: RegExp } | { ok: false; reason: string } {
  if (pattern.length > MAX_PATTERN) return { ok: false, reason: `pattern longer than ${MAX_PATTERN} characters` };
  try {
    return { ok: true, re: new RegExp(pattern) };
  } catch (err) {
    return { ok: false, reason: `invalid pattern: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Structural equality for JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Strings contain substrings, arrays contain an equal element, objects contain a matching subset. */
function contains(haystack: unknown, needle: unknown): boolean {
  if (typeof haystack === 'string') return haystack.includes(asText(needle));
  if (Array.isArray(haystack)) return haystack.some((item) => deepEqual(item, needle) || (isObject(item) && isObject(needle) && contains(item, needle)));
  if (isObject(haystack) && isObject(needle)) return Object.entries(needle).every(([k, v]) => Object.prototype.hasOwnProperty.call(haystack, k) && deepEqual(haystack[k], v));
  return deepEqual(haystack, needle);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A JSON value as text: strings as-is, everything else as JSON. */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  return JSON.stringify(value) ?? String(value);
}

function show(value: unknown): string {
  return cap(JSON.stringify(value) ?? String(value));
}

function cap(text: string): string {
  return text.length > MAX_ACTUAL ? `${text.slice(0, MAX_ACTUAL)}…` : text;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
