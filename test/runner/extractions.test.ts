import { describe, expect, it } from 'vitest';
import { applyExtractions } from '../../electron/runner/extractions';
import { facts } from './facts';

describe('extractions', () => {
  const f = facts(200, { token: 'tok-1', user: { id: 42 }, list: [1, 2] }, [['Location', '/users/42']]);
  it('extracts from json, header, regex and status', () => {
    const out = applyExtractions(
      [
        { from: 'json', variable: 'token', path: '$.token' },
        { from: 'json', variable: 'uid', path: '$.user.id' },
        { from: 'json', variable: 'list', path: '$.list' },
        { from: 'header', variable: 'loc', name: 'location' },
        { from: 'regex', variable: 'tail', pattern: '"token":"tok-(\\d)"', group: 1 },
        { from: 'status', variable: 'code' },
      ],
      f,
    );
    expect(Object.fromEntries(out.values)).toEqual({ token: 'tok-1', uid: '42', list: '[1,2]', loc: '/users/42', tail: '1', code: '200' });
    expect(out.missing).toEqual([]);
  });
  it('reports what could not be extracted', () => {
    const out = applyExtractions(
      [
        { from: 'json', variable: 'a', path: '$.nope' },
        { from: 'header', variable: 'b', name: 'x-none' },
        { from: 'regex', variable: 'c', pattern: 'zzz', group: 1 },
        { from: 'regex', variable: 'd', pattern: 'tok', group: 2 },
      ],
      f,
    );
    expect(out.values.size).toBe(0);
    expect(out.missing.map((m) => m.variable)).toEqual(['a', 'b', 'c', 'd']);
    expect(out.missing[0]?.reason).toMatch(/matched nothing/);
  });
});
