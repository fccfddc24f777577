import { describe, expect, it } from 'vitest';
import { RecentByIdentity } from '../../electron/engine/recent-by-identity';

describe('RecentByIdentity', () => {
  it('finds a value by the very object, never by an equal one', () => {
    const memo = new RecentByIdentity<{ url: string }, string>();
    const a = { url: 'http://h/' };
    memo.set(a, 'prepared-a');
    expect(memo.get(a)).toBe('prepared-a');
    expect(memo.get({ url: 'http://h/' })).toBeUndefined();
  });

  it('keeps the last `size` objects and forgets the oldest first', () => {
    const memo = new RecentByIdentity<object, number>(3);
    const keys = [{}, {}, {}, {}];
    keys.forEach((k, i) => memo.set(k, i));
    expect(memo.get(keys[0] ?? {})).toBeUndefined();
    expect([1, 2, 3].map((i) => memo.get(keys[i] ?? {}))).toEqual([1, 2, 3]);
  });
});
