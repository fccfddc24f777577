import { applyUrlEdit, buildQuery, displayUrl, normalizeUrlParams, parseQuery, splitUrl } from '../../../renderer/lib/url-params';

describe('url-params', () => {
  it('splits base, query and hash', () => {
    expect(splitUrl('http://h/p?a=1&b=2#frag')).toEqual({ base: 'http://h/p', query: 'a=1&b=2', hash: 'frag' });
    expect(splitUrl('http://h/p')).toEqual({ base: 'http://h/p', query: '', hash: '' });
  });

  it('parses and rebuilds a query, keeping order, duplicates and {{vars}}', () => {
    const rows = parseQuery('a=1&a=2&q={{term}}&flag&sp=hello%20world');
    expect(rows.map((r) => [r.name, r.value])).toEqual([
      ['a', '1'],
      ['a', '2'],
      ['q', '{{term}}'],
      ['flag', ''],
      ['sp', 'hello world'],
    ]);
    expect(buildQuery(rows)).toBe('a=1&a=2&q={{term}}&flag&sp=hello%20world');
  });

  it('encodes characters that would break the query structure', () => {
    expect(buildQuery([{ name: 'a&b', value: 'x=y#z', enabled: true }])).toBe('a%26b=x%3Dy%23z');
    expect(parseQuery(buildQuery([{ name: 'a&b', value: 'x=y#z 100%', enabled: true }]))[0]).toMatchObject({ name: 'a&b', value: 'x=y#z 100%' });
  });

  it('leaves a malformed escape as typed', () => {
    expect(parseQuery('x=%zz')[0]?.value).toBe('%zz');
  });

  it('typing in the URL replaces enabled rows and keeps disabled ones', () => {
    const params = [
      { name: 'a', value: '1', enabled: true },
      { name: 'off', value: 'x', enabled: false },
    ];
    const out = applyUrlEdit('http://h/p?a=2&b=3', params);
    expect(out.url).toBe('http://h/p');
    expect(out.params).toEqual([
      { name: 'a', value: '2', enabled: true },
      { name: 'b', value: '3', enabled: true },
      { name: 'off', value: 'x', enabled: false },
    ]);
    expect(displayUrl(out.url, out.params)).toBe('http://h/p?a=2&b=3');
  });

  it('the displayed URL shows only enabled params and keeps the fragment last', () => {
    expect(displayUrl('http://h/p#top', [{ name: 'a', value: '1', enabled: true }, { name: 'b', value: '2', enabled: false }])).toBe('http://h/p?a=1#top');
  });

  it('normalizes a saved URL with a query into params', () => {
    expect(normalizeUrlParams('http://h/?x=1', [{ name: 'y', value: '2', enabled: true }])).toEqual({
      url: 'http://h/',
      params: [
        { name: 'x', value: '1', enabled: true },
        { name: 'y', value: '2', enabled: true },
      ],
    });
  });
});
