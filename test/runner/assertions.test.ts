import { describe, expect, it } from 'vitest';
import type { Assertion } from '../../shared/model/request';
import { evaluateAssertions } from '../../electron/runner/assertions';
import { ResponseFacts } from '../../electron/runner/response-facts';
import { facts } from './facts';

const response = facts(201, { user: { id: 7, name: 'Ada', tags: ['a', 'b'] }, items: [{ id: 1 }, { id: 2 }] }, [['Content-Type', 'application/json; charset=utf-8'], ['X-Trace', 'abc-123']], 40);

function one(a: Assertion, f: ResponseFacts = response) {
  const [outcome] = evaluateAssertions([a], f);
  if (outcome === undefined) throw new Error('no outcome');
  return outcome;
}

describe('assertions', () => {
  const cases: Array<[string, Assertion, Assertion]> = [
    ['status-equals', { type: 'status-equals', value: 201 }, { type: 'status-equals', value: 200 }],
    ['status-in-range', { type: 'status-in-range', min: 200, max: 299 }, { type: 'status-in-range', min: 300, max: 399 }],
    ['header-present', { type: 'header-present', name: 'x-trace' }, { type: 'header-present', name: 'x-missing' }],
    ['header-equals', { type: 'header-equals', name: 'X-Trace', value: 'abc-123' }, { type: 'header-equals', name: 'X-Trace', value: 'abc' }],
    ['header-matches', { type: 'header-matches', name: 'content-type', pattern: '^application/json' }, { type: 'header-matches', name: 'content-type', pattern: '^text/' }],
    ['json-exists', { type: 'json-exists', path: '$.user.id' }, { type: 'json-exists', path: '$.user.email' }],
    ['json-equals', { type: 'json-equals', path: '$.user', value: { id: 7, name: 'Ada', tags: ['a', 'b'] } }, { type: 'json-equals', path: '$.user.id', value: '7' }],
    ['json-contains', { type: 'json-contains', path: '$.user.tags', value: 'b' }, { type: 'json-contains', path: '$.user.tags', value: 'c' }],
    ['json-matches', { type: 'json-matches', path: '$.user.name', pattern: '^A' }, { type: 'json-matches', path: '$.user.name', pattern: '^B' }],
    ['body-contains', { type: 'body-contains', value: '"Ada"' }, { type: 'body-contains', value: 'Grace' }],
    ['response-time-below', { type: 'response-time-below', ms: 41 }, { type: 'response-time-below', ms: 40 }],
    ['size-below', { type: 'size-below', bytes: 1000 }, { type: 'size-below', bytes: 10 }],
  ];
  it.each(cases)('%s passes and fails', (_kind, pass, fail) => {
    const ok = one(pass);
    expect(ok.passed).toBe(true);
    const bad = one(fail);
    expect(bad.passed).toBe(false);
    expect(bad.expected).not.toBe('');
    expect(bad.actual).not.toBe('');
  });

  it('reports expected and actual values', () => {
    expect(one({ type: 'status-equals', value: 200 })).toMatchObject({ expected: '200', actual: '201' });
    expect(one({ type: 'json-equals', path: '$.user.id', value: 8 })).toMatchObject({ expected: '8', actual: '7' });
    expect(one({ type: 'header-equals', name: 'x-none', value: 'v' })).toMatchObject({ actual: '(absent)' });
  });

  it('json-contains on objects is a subset match and on arrays of objects an element match', () => {
    expect(one({ type: 'json-contains', path: '$.user', value: { name: 'Ada' } }).passed).toBe(true);
    expect(one({ type: 'json-contains', path: '$.items', value: { id: 2 } }).passed).toBe(true);
    expect(one({ type: 'json-contains', path: '$.items', value: { id: 3 } }).passed).toBe(false);
  });

  it('fails clearly on a non-JSON body, a bad pattern and a script filter path', () => {
    const text = facts(200, 'plain text');
    expect(one({ type: 'json-exists', path: '$.a' }, text)).toMatchObject({ passed: false });
    expect(one({ type: 'json-exists', path: '$.a' }, text).actual).toMatch(/not JSON/);
    expect(one({ type: 'header-matches', name: 'x-trace', pattern: '(' }).actual).toMatch(/invalid pattern/);
    expect(one({ type: 'json-exists', path: '$.items[?(@.id>1)]' }).actual).toMatch(/prevented/);
  });

  it('body assertions fail when the body was larger than what was kept', () => {
    const partial = new ResponseFacts(200, [], new TextEncoder().encode('{"a":'), 1_000_000, 5, 'utf-8');
    expect(one({ type: 'body-contains', value: 'a' }, partial)).toMatchObject({ passed: false });
    expect(one({ type: 'body-contains', value: 'a' }, partial).actual).toMatch(/analysis cap/);
  });
});
