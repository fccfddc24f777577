import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadCollection } from '../../electron/collections/loader';
import { toPostman } from '../../electron/exporters/postman';
import { importText } from '../../electron/importers/index';
import { RequestOptionsSchema } from '../../shared/model/request';
import { requestsByPath } from '../importers/helpers';
import { writeCollection } from '../runner/collection-fixture';

const postman = (items: unknown[]): string => JSON.stringify({ info: { name: 'P', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: items });

describe('the cookie-jar switch in imports and exports', () => {
  it('Postman: protocolProfileBehavior.disableCookies turns the jar off; other behaviours are still reported', () => {
    const { collection, report } = importText(
      postman([
        { name: 'No cookies', request: { method: 'GET', url: 'http://api.test/a' }, protocolProfileBehavior: { disableCookies: true } },
        { name: 'Cookies', request: { method: 'GET', url: 'http://api.test/b' }, protocolProfileBehavior: { disableCookies: false, followRedirects: false } },
      ]),
    );
    const r = requestsByPath(collection);
    expect(r.get('No cookies')?.options.useCookieJar).toBe(false);
    expect(r.get('Cookies')?.options.useCookieJar).toBe(true);
    expect(report.unmapped).toEqual([{ where: 'Cookies', what: 'protocolProfileBehavior settings not imported' }]);
  });

  it('Insomnia: settingSendCookies or settingStoreCookies off turns the jar off (noted when only one was)', () => {
    const doc = {
      _type: 'export',
      __export_format: 4,
      resources: [
        { _id: 'wrk_1', _type: 'workspace', name: 'W' },
        { _id: 'req_1', _type: 'request', parentId: 'wrk_1', name: 'Both off', method: 'GET', url: 'http://api.test/a', settingSendCookies: false, settingStoreCookies: false },
        { _id: 'req_2', _type: 'request', parentId: 'wrk_1', name: 'Send off', method: 'GET', url: 'http://api.test/b', settingSendCookies: false, settingStoreCookies: true },
        { _id: 'req_3', _type: 'request', parentId: 'wrk_1', name: 'On', method: 'GET', url: 'http://api.test/c', settingSendCookies: true, settingStoreCookies: true },
      ],
    };
    const { collection, report } = importText(JSON.stringify(doc));
    const r = requestsByPath(collection);
    expect([r.get('Both off'), r.get('Send off'), r.get('On')].map((q) => q?.options.useCookieJar)).toEqual([false, false, true]);
    expect(report.unmapped).toEqual([{ where: 'Send off', what: 'sending and storing cookies are one setting in Salvo: the cookie jar is off for this request' }]);
  });

  it('the Postman export writes disableCookies for a request with the jar off', async () => {
    const root = await writeCollection('C', [
      { path: 'off.yaml', request: { name: 'Off', url: 'http://api.test/a', options: RequestOptionsSchema.parse({ useCookieJar: false }) } },
      { path: 'on.yaml', request: { name: 'On', url: 'http://api.test/b' } },
    ]);
    try {
      const doc = JSON.parse(toPostman(await loadCollection(root))) as { item: Array<{ name: string; protocolProfileBehavior?: unknown }> };
      expect(doc.item.map((i) => [i.name, i.protocolProfileBehavior])).toEqual([
        ['Off', { disableCookies: true }],
        ['On', undefined],
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
