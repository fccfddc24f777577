import { describe, expect, it } from 'vitest';
import { serializeRequest } from '../../electron/collections/format';
import { parseYamlFile } from '../../electron/collections/yaml-io';
import { SavedRequestSchema } from '../../shared/model/collection';

describe('options.useCookieJar in request files', () => {
  const base = SavedRequestSchema.parse({ name: 'Me', method: 'GET', url: 'http://api.test/me' });

  it('is left out while on (existing files stay byte for byte) and written when off', () => {
    expect(base.options.useCookieJar).toBe(true);
    expect(serializeRequest(base)).toBe('name: Me\nmethod: GET\nurl: http://api.test/me\n');
    const off = serializeRequest({ ...base, options: { ...base.options, useCookieJar: false } });
    expect(off).toContain('options:\n  useCookieJar: false\n');
    const parsed = parseYamlFile('me.yaml', off, SavedRequestSchema);
    expect(parsed.ok && parsed.value.options.useCookieJar).toBe(false);
  });
});
