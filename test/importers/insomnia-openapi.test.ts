import { describe, expect, it } from 'vitest';
import { detectFormat, importText } from '../../electron/importers/index';
import { fixture, folderAt, requestsByPath } from './helpers';

describe('Insomnia v4 import', () => {
  it('maps workspace, folders in sort order, environments, bodies, auth and templates', () => {
    const text = fixture('insomnia-v4.json');
    expect(detectFormat(text)).toBe('insomnia');
    const { collection, report } = importText(text);
    expect(collection.name).toBe('Shop API (Insomnia)');
    expect(collection.variables.map((v) => `${v.name}=${v.value}`)).toEqual(['base_url=https://shop.example.com', 'api.version=v2']);
    expect(collection.environments).toEqual([
      { name: 'Development', variables: [{ name: 'base_url', value: 'http://127.0.0.1:4010', enabled: true, secret: false }, { name: 'token', value: 'dev-token', enabled: true, secret: false }] },
      { name: 'Production', variables: [{ name: 'base_url', value: 'https://shop.example.com', enabled: true, secret: false }] },
    ]);
    expect(collection.items.map((i) => (i.kind === 'folder' ? `${i.folder.name}/` : i.request.name))).toEqual(['Login', 'Products/', 'Upload cover', 'Raw upload', 'GraphQL']);
    expect(folderAt(collection, 'Products')?.variables).toEqual([{ name: 'category', value: 'books', enabled: true, secret: false }]);
    expect(folderAt(collection, 'Products', 'Admin')?.auth).toEqual({ type: 'basic', username: 'admin', password: '{{adminPassword}}' });
    const r = requestsByPath(collection);
    expect(r.get('Products/List products')).toMatchObject({
      url: '{{base_url}}/{{api.version}}/products',
      params: [{ name: 'category', value: '{{category}}', enabled: true }, { name: 'page', value: '2', enabled: false }],
      auth: { type: 'bearer', token: '{{token}}' },
      body: { mode: 'none' },
    });
    expect(r.get('Products/Create product')).toMatchObject({ body: { mode: 'json', text: '{"title": "Dune"}' }, headers: [{ name: 'X-Trace' }], auth: { type: 'inherit' } });
    expect(r.get('Products/Admin/Delete product')).toMatchObject({ method: 'DELETE', options: { followRedirects: false } });
    expect(r.get('Login')).toMatchObject({ headers: [], body: { mode: 'form', fields: [{ name: 'user', value: 'me' }, { name: 'pass', value: '{{password}}' }] }, auth: { type: 'none' } });
    expect(r.get('Upload cover')).toMatchObject({ body: { mode: 'multipart', fields: [{ kind: 'text', name: 'title', value: 'Dune' }, { kind: 'file', name: 'file', path: '/tmp/cover.png' }] }, auth: { type: 'apikey', key: 'X-Key', value: '{{key}}', in: 'header' } });
    expect(r.get('Raw upload')?.body).toEqual({ mode: 'binary', path: '/tmp/data.bin' });
    expect(r.get('GraphQL')).toMatchObject({ body: { mode: 'json' }, auth: { type: 'none' } });
    expect(report).toMatchObject({ format: 'insomnia', requests: 7, folders: 2, environments: 2 });
    expect(report.unmapped).toEqual([
      { where: 'gRPC Stock', what: 'grpc_request resources are not supported' },
      { where: 'spc_1', what: 'api_spec resources are not supported' },
      { where: 'Products/Create product', what: "template tag not supported: {% uuid 'v4' %}" },
      { where: 'GraphQL', what: 'GraphQL body imported as a JSON body' },
      { where: 'GraphQL', what: 'auth type "oauth2" is not supported (set to none)' },
    ]);
  });
});

describe('OpenAPI 3 import', () => {
  it('JSON 3.0: one request per operation grouped by tag, servers → baseUrl, examples and generated bodies, security', () => {
    const text = fixture('openapi-3.0.json');
    expect(detectFormat(text)).toBe('openapi');
    const { collection, report } = importText(text);
    expect(collection.name).toBe('Library API');
    expect(collection.variables).toContainEqual({ name: 'baseUrl', value: 'https://prod.library.example.com/api', enabled: true, secret: false });
    expect(collection.variables).toContainEqual({ name: 'bookId', value: '12', enabled: true, secret: false });
    expect(collection.environments.map((e) => `${e.name}: ${e.variables[0]?.value}`)).toEqual(['Hosted: https://prod.library.example.com/api', 'Local mock: http://127.0.0.1:4010/api']);
    expect(collection.auth).toEqual({ type: 'bearer', token: '{{token}}' });
    expect(collection.items.map((i) => (i.kind === 'folder' ? `${i.folder.name}/` : i.request.name))).toEqual(['books/', 'members/', 'Health']);
    expect(folderAt(collection, 'books')?.description).toBe('Book catalogue');
    const r = requestsByPath(collection);
    expect([...r.keys()]).toEqual(['books/List books', 'books/Add a book', 'books/getBook', 'books/Delete a book', 'members/Register', 'members/Upload avatar', 'Health']);
    expect(r.get('books/List books')).toMatchObject({
      method: 'GET',
      url: '{{baseUrl}}/books',
      params: [{ name: 'limit', value: '20', enabled: true }, { name: 'q', value: 'dune', enabled: true }],
      headers: [{ name: 'X-Request-Id', value: '', enabled: false }],
      auth: { type: 'inherit' },
    });
    const add = r.get('books/Add a book')?.body;
    expect(add?.mode === 'json' && JSON.parse(add.text)).toEqual({ title: 'Dune', published: '2024-01-01', genre: 'sf', author: { name: 'string', books: [null] }, tags: ['string'], available: true });
    expect(r.get('books/getBook')?.url).toBe('{{baseUrl}}/books/{{bookId}}');
    expect(r.get('books/Delete a book')?.auth).toEqual({ type: 'apikey', key: 'X-Api-Key', value: '{{apiKey}}', in: 'header' });
    expect(r.get('members/Register')).toMatchObject({ body: { mode: 'form', fields: [{ name: 'name', value: 'Ada' }, { name: 'age', value: '0' }] }, auth: { type: 'none' } });
    expect(r.get('members/Upload avatar')).toMatchObject({ url: '{{baseUrl}}/members/{{id}}/avatar', body: { mode: 'multipart', fields: [{ kind: 'text', name: 'caption' }, { kind: 'file', name: 'image', path: '' }] } });
    expect(r.get('Health')?.auth).toEqual({ type: 'basic', username: '{{username}}', password: '{{password}}' });
    expect(report).toMatchObject({ format: 'openapi', requests: 7, folders: 2, environments: 2 });
    expect(report.unmapped).toEqual([
      { where: 'GET /books', what: 'cookie parameter session not imported' },
      { where: 'POST /books', what: 'request body types other than application/json not imported (application/xml)' },
      { where: 'PUT /members/{id}/avatar', what: 'security scheme oauth (oauth2) is not supported' },
    ]);
  });

  it('YAML 3.1: named examples, $ref parameters, query api keys, callbacks and webhooks reported', () => {
    const text = fixture('openapi-3.1.yaml');
    expect(detectFormat(text)).toBe('openapi');
    const { collection, report } = importText(text);
    const r = requestsByPath(collection);
    expect(r.get('forecast/Forecast for a city')).toMatchObject({
      url: '{{baseUrl}}/forecast/{{city}}',
      params: [{ name: 'days', value: '', enabled: false }, { name: 'units', value: 'metric', enabled: true }],
      auth: { type: 'apikey', key: 'appid', value: '{{apiKey}}', in: 'query' },
    });
    const alerts = r.get('alerts/Subscribe to alerts')?.body;
    expect(alerts?.mode === 'json' && JSON.parse(alerts.text)).toEqual({ city: 'Oslo', kinds: ['storm', 'flood'] });
    expect(r.get('Stations')?.url).toBe('{{baseUrl}}/stations');
    expect(collection.variables.map((v) => v.name)).toEqual(['baseUrl', 'city']);
    expect(report.unmapped).toEqual([
      { where: 'POST /alerts', what: 'callbacks not imported' },
      { where: 'document', what: 'webhooks not imported' },
    ]);
  });

  it('refuses Swagger 2.0 clearly', () => {
    expect(() => importText('{"swagger": "2.0", "info": {"title": "x"}, "paths": {}}')).toThrow(/Swagger\/OpenAPI 2.0 is not supported/);
  });
});
