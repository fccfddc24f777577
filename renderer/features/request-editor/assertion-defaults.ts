import type { Assertion, Extraction } from '../../../shared/model/request';

/** Assertion types with their labels, in picker order. */
export const ASSERTION_TYPES: ReadonlyArray<{ type: Assertion['type']; label: string }> = [
  { type: 'status-equals', label: 'Status equals' },
  { type: 'status-in-range', label: 'Status in range' },
  { type: 'header-present', label: 'Header present' },
  { type: 'header-equals', label: 'Header equals' },
  { type: 'header-matches', label: 'Header matches regex' },
  { type: 'json-exists', label: 'JSONPath exists' },
  { type: 'json-equals', label: 'JSONPath equals' },
  { type: 'json-contains', label: 'JSONPath contains' },
  { type: 'json-matches', label: 'JSONPath matches regex' },
  { type: 'body-contains', label: 'Body contains' },
  { type: 'response-time-below', label: 'Response time below (ms)' },
  { type: 'size-below', label: 'Size below (bytes)' },
];

/** A new assertion of a type with neutral defaults. */
export function defaultAssertion(type: Assertion['type']): Assertion {
  switch (type) {
    case 'status-equals':
      return { type, value: 200 };
    case 'status-in-range':
      return { type, min: 200, max: 299 };
    case 'header-present':
      return { type, name: '' };
    case 'header-equals':
      return { type, name: '', value: '' };
    case 'header-matches':
      return { type, name: '', pattern: '' };
    case 'json-exists':
      return { type, path: '$.' };
    case 'json-equals':
    case 'json-contains':
      return { type, path: '$.', value: '' };
    case 'json-matches':
      return { type, path: '$.', pattern: '' };
    case 'body-contains':
      return { type, value: '' };
    case 'response-time-below':
      return { type, ms: 1000 };
    case 'size-below':
      return { type, bytes: 1_000_000 };
  }
}

/** A new extraction from a source. */
export function defaultExtraction(from: Extraction['from'], variable: string): Extraction {
  switch (from) {
    case 'json':
      return { from, variable, path: '$.' };
    case 'header':
      return { from, variable, name: '' };
    case 'regex':
      return { from, variable, pattern: '', group: 1 };
    case 'status':
      return { from, variable };
  }
}

/** Parses a typed expected value: JSON when it parses, else the raw string. */
export function parseExpected(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Shows an expected value for editing (strings bare, others as JSON). */
export function showExpected(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
