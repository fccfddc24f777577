import { describe, expect, it } from 'vitest';
import { importText, detectFormat } from '../../electron/importers/index';
import { fixture, folderAt, requestsByPath } from './helpers';

describe('Postman import', () => {
  it('maps a v2.1 collection: folders, every body mode, auth types, variables, scripts as notes', () => {
    const text = fixture('postman-v2.1.json');
    expect(detectFormat(text)).toBe('postman');
    const { collection, report } = importText(text);
    expect(collection.name).toBe('Petstore (Postman 2.1)');
    expect(collection.description).toBe('Exported from Postman.');
    expect(collection.auth).toEqual({ type: 'bearer', token: '{{token}}' });
    expect(collection.variables).toEqual([
      { name: 'baseUrl', value: 'https://petstore.example.com/v2', enabled: true, secret: false },
      { name: 'petId', value: '42', enabled: true, secret: false },
      { name: 'adminKey', value: '', enabled: true, secret: true },
      { name: 'unused', value: '1', enabled: false, secret: false },
    ]);
    expect(report).toMatchObject({ format: 'postman', requests: 11, folders: 3, environments: 0 });
    const pets = folderAt(collection, 'Pets');
    expect(pets?.auth).toEqual({ type: 'apikey', key: 'X-Api-Key', value: '{{apiKey}}', in: 'header' });
    expect(pets?.description).toBe('Everything about pets');
    const r = requestsByPath(collection);
    const list = r.get('Pets/List pets');
    expect(list?.url).toBe('{{baseUrl}}/pets');
    expect(list?.params).toEqual([
      { name: 'limit', value: '10', enabled: true },
      { name: 'status', value: 'available', enabled: true },
      { name: 'tag', value: 'dog', enabled: false },
    ]);
    expect(list?.headers[1]).toEqual({ name: 'X-Debug', value: '1', enabled: false });
    expect(list?.auth).toEqual({ type: 'inherit' });
    expect(list?.notes?.[0]).toContain('pm.response.to.have.status(200)');
    expect(r.get('Pets/Get pet')).toMatchObject({ url: '{{baseUrl}}/pets/{{petId}}', variables: [{ name: 'petId', value: '7', enabled: true }], auth: { type: 'none' } });
    expect(r.get('Pets/Create pet')).toMatchObject({ method: 'POST', body: { mode: 'json', text: '{\n  "name": "Rex",\n  "tag": "dog"\n}' }, description: 'Adds a pet' });
    expect(r.get('Pets/Nested/Upload photo')?.body).toEqual({
      mode: 'multipart',
      fields: [
        { kind: 'text', name: 'caption', value: 'at the beach', enabled: true },
        { kind: 'file', name: 'photo', path: '/home/me/rex.jpg', enabled: true },
        { kind: 'text', name: 'old', value: 'x', enabled: false },
      ],
    });
    expect(r.get('Store/Order (form)')).toMatchObject({ body: { mode: 'form', fields: [{ name: 'petId', value: '{{petId}}' }, { name: 'quantity', value: '2' }, { name: 'note', enabled: false }] }, auth: { type: 'basic', username: 'shop', password: '{{shopPassword}}' } });
    expect(r.get('Store/Inventory XML')).toMatchObject({ method: 'PUT', body: { mode: 'xml' }, auth: { type: 'digest', username: 'ops', password: 'pw' } });
    expect(r.get('Store/Plain note')?.body).toEqual({ mode: 'text', text: 'hello', contentType: 'text/plain' });
    expect(r.get('Store/Upload file')?.body).toEqual({ mode: 'binary', path: 'data/inventory.csv' });
    const gql = r.get('Store/GraphQL query')?.body;
    expect(gql?.mode === 'json' && JSON.parse(gql.text)).toEqual({ query: 'query { pets { id } }', variables: { first: 3 } });
    expect(r.get('Store/OAuth call')?.auth).toEqual({ type: 'none' });
    expect(r.get('Ping')).toMatchObject({ method: 'GET', url: 'https://petstore.example.com/ping' });
    expect(report.unmapped).toEqual(
      expect.arrayContaining([
        { where: 'collection', what: expect.stringContaining('secret variable adminKey') as string },
        { where: 'collection', what: expect.stringContaining('prerequest script') as string },
        { where: 'Pets', what: expect.stringContaining('test script') as string },
        { where: 'Pets/List pets', what: 'test script kept as a disabled note' },
        { where: 'Pets/List pets', what: '1 saved example response(s) not imported' },
        { where: 'Store/GraphQL query', what: 'GraphQL body imported as a JSON body' },
        { where: 'Store/OAuth call', what: 'auth type "oauth2" is not supported (set to none)' },
      ]),
    );
    expect(report.unmapped).toHaveLength(7);
    // The secret value is not carried anywhere.
    expect(JSON.stringify(collection)).not.toContain('do-not-import-me');
  });

  it('maps a v2.0 collection: string URLs, object-style auth, scripts', () => {
    const { collection, report } = importText(fixture('postman-v2.0.json'), 'postman');
    const r = requestsByPath(collection);
    expect(r.get('Accounts/Get account')).toMatchObject({ url: 'https://legacy.example.com/accounts/{{accountId}}?expand=owner', auth: { type: 'basic', username: 'legacy', password: '{{legacyPassword}}' } });
    expect(r.get('Accounts/Update account')).toMatchObject({ method: 'PATCH', body: { mode: 'json', text: '{"name":"new"}' }, auth: { type: 'bearer', token: '{{token}}' } });
    expect(r.get('Form login')?.body).toEqual({ mode: 'form', fields: [{ name: 'user', value: 'a', enabled: true }, { name: 'pass', value: 'b', enabled: true }] });
    expect(r.get('Form login')?.notes?.[0]).toContain("pm.environment.set('t', Date.now())");
    expect(report.unmapped).toEqual([
      { where: 'Accounts/Hawk call', what: 'auth type "hawk" is not supported (set to none)' },
      { where: 'Form login', what: 'prerequest script kept as a disabled note' },
    ]);
  });

  it('drops prototype-polluting keys from imported files and reports them', () => {
    const text = JSON.stringify({ info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [{ name: 'a', request: { method: 'GET', url: 'http://x' } }] }).replace('"item":', '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"item":');
    const { collection, report } = importText(text);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(collection.items).toHaveLength(1);
    expect(report.unmapped).toContainEqual({ where: 'document', what: '3 __proto__/constructor/prototype key(s) dropped' });
  });

  it('refuses input it does not recognise with a reason', () => {
    expect(() => importText('{"hello": "world"}')).toThrow(/unrecognised input/);
    expect(() => importText('{not json')).toThrow(/unrecognised input/);
    expect(() => importText('{not json', 'postman')).toThrow(/invalid JSON/);
  });
});
