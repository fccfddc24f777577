import type { CollectionTree, FolderNode } from '../../../shared/model/collection';
import { CollectionSettingsSchema } from '../../../shared/model/collection';
import type { ResponseMeta } from '../../../renderer/state/responses-store';

/** A small tree: users/{list,get}, health. */
export const sampleRoot: FolderNode = {
  type: 'folder',
  path: '',
  name: 'Demo',
  children: [
    {
      type: 'folder',
      path: 'users',
      name: 'Users',
      children: [
        { type: 'request', path: 'users/list.yaml', name: 'List users', method: 'GET', url: '{{base}}/users' },
        { type: 'request', path: 'users/create.yaml', name: 'Create user', method: 'POST', url: '{{base}}/users' },
      ],
    },
    { type: 'request', path: 'health.yaml', name: 'Health', method: 'GET', url: '{{base}}/health' },
  ],
};

/** A CollectionTree around sampleRoot. */
export function sampleTree(id = 'c1'): CollectionTree {
  return { id, root: `/tmp/${id}`, name: 'Demo', settings: CollectionSettingsSchema.parse({ name: 'Demo' }), tree: sampleRoot, environments: ['dev'], activeEnvironment: undefined, problems: [] };
}

/** A minimal successful response meta. */
export function sampleMeta(over: Partial<ResponseMeta> = {}): ResponseMeta {
  return {
    id: 'r1',
    method: 'GET',
    url: 'http://127.0.0.1/x',
    status: 200,
    statusText: 'OK',
    httpVersion: '1.1',
    headers: [['content-type', 'application/json']],
    contentType: 'application/json',
    charset: 'utf-8',
    isBinary: false,
    sizes: { headers: 40, bodyWire: 10, bodyDecoded: 10 },
    timings: { dns: 1, connect: 2, tls: 0, send: 1, ttfb: 5, download: 1, total: 10 },
    reusedConnection: false,
    remoteAddress: '127.0.0.1',
    remotePort: 80,
    redirects: [],
    incomplete: false,
    spilledToFile: false,
    error: undefined,
    startedAt: 0,
    sent: { method: 'GET', url: 'http://127.0.0.1/x', headers: [] },
    bodyBytes: 10,
    previewEncoding: 'text',
    previewTruncated: false,
    ...over,
  };
}

