import { formatJsonText, reindentJson } from '../../../renderer/workers/json-format';

describe('JSON pretty-printing', () => {
  it('matches JSON.stringify indentation for complete JSON', () => {
    const value = { a: 1, b: [true, null, { c: 'x' }], d: {}, e: [], s: 'with "quotes", commas: and {braces}' };
    expect(reindentJson(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2));
  });

  it('keeps big integers digit for digit', () => {
    expect(reindentJson('{"id":12345678901234567890}')).toBe('{\n  "id": 12345678901234567890\n}');
  });

  it('formats a truncated body instead of giving up', () => {
    const out = formatJsonText({ id: 1, text: '{"items":[{"id":0,"name":"item 0"},{"id":1,"na', indent: 2 });
    expect(out).toMatchObject({ ok: true, isJson: false });
    expect(out.ok && out.text).toContain('    "name": "item 0"');
  });

  it('refuses text that is not JSON-shaped', () => {
    expect(formatJsonText({ id: 2, text: 'hello', indent: 2 }).ok).toBe(false);
  });
});

describe('JSONPath filter', () => {
  const text = JSON.stringify({ items: [{ id: 1, name: 'a', n: 5 }, { id: 2, name: 'b', n: 50 }] });

  it('returns the matches as a pretty array', () => {
    expect(formatJsonText({ id: 1, text, indent: 2, jsonPath: '$.items[*].name' })).toMatchObject({ ok: true, text: '[\n  "a",\n  "b"\n]' });
    expect(formatJsonText({ id: 2, text, indent: 0, jsonPath: '$.items[?(@.n > 10)].id' })).toMatchObject({ ok: true, text: '[2]' });
  });

  it('explains why it cannot filter a truncated body', () => {
    expect(formatJsonText({ id: 3, text: text.slice(0, 20), indent: 2, jsonPath: '$.items' })).toMatchObject({ ok: false });
  });
});
