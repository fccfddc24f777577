import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine';
import { createCollectionHandlers } from '../../electron/handlers/collections';
import type { AppContext } from '../../electron/handlers/context';
import { createHttpHandlers } from '../../electron/handlers/http';
import { createHistoryHandlers } from '../../electron/handlers/history';
import { appConsent } from '../../electron/consent/app-consent';
import { FileConsentStore } from '../../electron/consent/file-consent-store';
import { RefusedFiles } from '../../electron/consent/refused-files';
import { EncryptedFileSecretStore } from '../../electron/secrets/encrypted-file-store';
import { createNodeCipher } from '../../electron/secrets/node-cipher';
import { CollectionSettingsSchema, EnvironmentSchema, FolderSettingsSchema } from '../../shared/model/collection';
import { echoHandler, startHttpServer } from '../servers/http-server';
import type { SeenRequest, TestServer } from '../servers/http-server';
import { spec } from '../engine/helpers';

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  return out;
}

describe('http:send over a real collection on disk', () => {
  let server: TestServer;
  let other: TestServer;
  const seen: SeenRequest[] = [];
  const seenOther: SeenRequest[] = [];
  let ctx: AppContext;
  let root: string;
  let collections: ReturnType<typeof createCollectionHandlers>;
  let http: ReturnType<typeof createHttpHandlers>['handlers'];
  let collectionId: string;
  let consent: FileConsentStore;

  beforeAll(async () => {
    other = await startHttpServer(echoHandler(seenOther));
    const echo = echoHandler(seen);
    server = await startHttpServer((req, res, body) => {
      if (req.url?.startsWith('/away')) {
        res.writeHead(307, { location: `${other.url}/landed` });
        res.end();
        return;
      }
      void echo(req, res, body);
    });
    const userDataDir = await mkdtemp(join(tmpdir(), 'salvo-http-col-user-'));
    root = await mkdtemp(join(tmpdir(), 'salvo-http-col-'));
    consent = await FileConsentStore.open(userDataDir);
    ctx = { engine: createEngine(), emit: () => undefined, userDataDir, secrets: new EncryptedFileSecretStore(userDataDir, createNodeCipher(userDataDir)), mode: 'test', consent: appConsent(consent, new RefusedFiles()) };
    collections = createCollectionHandlers(ctx);
    const history = createHistoryHandlers(ctx);
    http = createHttpHandlers(ctx, { collections: collections.access, history: history.recorder }).handlers;
    const tree = await collections.handlers['collection:create']({ root: join(root, 'api'), name: 'api' });
    collectionId = tree.id;
    await collections.handlers['collection:saveSettings']({
      collectionId,
      settings: CollectionSettingsSchema.parse({ name: 'api', variables: [{ name: 'base', value: server.url }, { name: 'who', value: 'collection' }], auth: { type: 'bearer', token: '{{token}}' } }),
    });
    await collections.handlers['env:save']({ collectionId, environment: EnvironmentSchema.parse({ name: 'dev', variables: [{ name: 'who', value: 'environment' }, { name: 'token', value: 'ENV-SECRET-42', secret: true }] }) });
    await collections.handlers['env:setActive']({ collectionId, name: 'dev' });
    const folder = await collections.handlers['folder:create']({ collectionId, parent: '', name: 'users' });
    await collections.handlers['folder:saveSettings']({ collectionId, path: folder.path, settings: FolderSettingsSchema.parse({ name: 'users', variables: [{ name: 'who', value: 'folder' }] }) });
    await collections.handlers['request:create']({ collectionId, folder: folder.path, name: 'get user', request: spec('{{base}}/users/{{who}}', { auth: { type: 'inherit' } }) });
  });
  afterAll(async () => {
    await collections.close();
    await ctx.engine.close();
    await server.close();
    await other.close();
  });

  async function requestPath(): Promise<string> {
    const tree = await collections.handlers['collection:tree']({ collectionId });
    const folder = tree.tree.children.find((c) => c.type === 'folder');
    const req = folder?.type === 'folder' ? folder.children.find((c) => c.type === 'request') : undefined;
    if (req === undefined) throw new Error('request not found');
    return req.path;
  }

  it('layers collection, environment (secret from the store) and folder, and inherits collection auth', async () => {
    const path = await requestPath();
    const saved = await collections.handlers['request:read']({ collectionId, path });
    const view = await http['http:send']({ id: 'c1', spec: saved.request, context: { collectionId, requestPath: path } });
    expect(view.error).toBeUndefined();
    expect(seen.at(-1)?.url).toBe('/users/folder');
    expect(seen.at(-1)?.headers.authorization).toBe('Bearer ENV-SECRET-42');
    expect(JSON.stringify(view.sent)).not.toContain('ENV-SECRET-42');
  });

  it('drops the secret-bearing auth on a cross-origin redirect and keeps the secret out of every file written', async () => {
    const path = await requestPath();
    const view = await http['http:send']({ id: 'c2', spec: spec('{{base}}/away', { auth: { type: 'inherit' } }), context: { collectionId, requestPath: path } });
    expect(view.status).toBe(200);
    expect(view.redirects[0]?.droppedCredentials).toBe(true);
    expect(seenOther.at(-1)?.headers.authorization).toBeUndefined();
    let historyWritten = false;
    for (const file of [...(await allFiles(root)), ...(await allFiles(ctx.userDataDir))]) {
      const content = await readFile(file, 'utf8');
      expect(content, file).not.toContain('ENV-SECRET-42');
      if (content.includes('/away')) historyWritten = true;
    }
    // The grep is meaningful only if history was actually written.
    expect(historyWritten).toBe(true);
  });

  it('sends body files inside the collection (relative to its root) but refuses outside ones without consent', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'salvo-outside-'));
    await writeFile(join(outside, 'id_rsa'), 'PRIVATE-KEY-BYTES');
    await mkdir(join(root, 'api', 'files'), { recursive: true });
    await writeFile(join(root, 'api', 'files', 'avatar.bin'), 'AVATAR-BYTES');
    // A link inside the collection that points outside is judged by its real target.
    await symlink(join(outside, 'id_rsa'), join(root, 'api', 'files', 'innocent.bin'));
    const send = (path: string) =>
      http['http:send']({
        id: `file-${Math.random()}`,
        spec: spec(`${server.url}/upload`, { method: 'POST', body: { mode: 'binary', path } }),
        context: { collectionId },
      });

    const inside = await send('files/avatar.bin');
    expect(inside.status).toBe(200);
    expect(seen.at(-1)?.body.toString()).toBe('AVATAR-BYTES');

    const count = seen.length;
    await expect(send(join(outside, 'id_rsa'))).rejects.toMatchObject({ info: { kind: 'invalid-input', detail: { reason: 'external-file' } } });
    await expect(send('files/innocent.bin')).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
    await expect(send('../../' + join(outside, 'id_rsa').split('/').slice(1).join('/'))).rejects.toMatchObject({ info: { kind: 'invalid-input' } });
    expect(seen.length).toBe(count);

    // The user's consent (kept in userData, see test/consent) for exactly that file.
    await consent.grant(collections.access.filesOf(collectionId).scope(), [join(outside, 'id_rsa')]);
    const consented = await send(join(outside, 'id_rsa'));
    expect(consented.status).toBe(200);
    expect(seen.at(-1)?.body.toString()).toBe('PRIVATE-KEY-BYTES');
  });
});
