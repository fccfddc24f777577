import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Handlers } from '../../shared/ipc/contract';
import { SalvoError } from '../../shared/model/errors';
import { resolveRequest } from '../../shared/lib/variables';
import { readCertificates, saveCertificates } from '../collections/certificate-ops';
import { deleteEnvironment, readEnvironment, saveEnvironment } from '../collections/env-ops';
import { createFolder, deleteItem, duplicateItem, moveItem, renameItem, reorderFolder } from '../collections/item-ops';
import { createRequest, readRequest, saveRequest } from '../collections/request-ops';
import { CollectionService } from '../collections/service';
import { effectiveRequest } from '../collections/effective';
import { toCurl } from '../exporters/curl';
import { toPostman } from '../exporters/postman';
import { parseCurl } from '../importers/curl';
import { importText } from '../importers/index';
import { MAX_IMPORT_BYTES } from '../importers/parse-input';
import { writeImported } from '../importers/write-import';
import type { AppContext, CollectionAccess } from './context';

type CollectionChannel =
  | 'collection:open' | 'collection:create' | 'collection:close' | 'collection:tree' | 'collection:saveSettings' | 'collection:list'
  | 'collection:readCertificates' | 'collection:saveCertificates'
  | 'request:read' | 'request:save' | 'request:create'
  | 'folder:create' | 'folder:readSettings' | 'folder:saveSettings' | 'folder:reorder'
  | 'item:rename' | 'item:move' | 'item:duplicate' | 'item:delete'
  | 'env:list' | 'env:read' | 'env:save' | 'env:delete' | 'env:setActive'
  | 'import:run' | 'import:curl' | 'export:curl' | 'export:postman';

/** Reads an import source from a path (size-checked) or takes the given text. */
async function sourceText(source: { path: string } | { text: string }): Promise<string> {
  if ('text' in source) return source.text;
  try {
    const info = await stat(source.path);
    if (info.size > MAX_IMPORT_BYTES) throw new SalvoError('invalid-input', `file is larger than ${MAX_IMPORT_BYTES} bytes`);
    return await readFile(source.path, 'utf8');
  } catch (err) {
    if (err instanceof SalvoError) throw err;
    throw new SalvoError('not-found', `cannot read ${source.path}: ${(err as Error).message}`);
  }
}

/**
 * Collection, request, folder, environment, import and export handlers over one CollectionService.
 * `access` is what the HTTP and batch-run parts call; `close` stops watchers and waits for writes.
 */
export function createCollectionHandlers(ctx: AppContext): { handlers: Pick<Handlers, CollectionChannel>; access: CollectionAccess; service: CollectionService; close(): Promise<void> } {
  const service = new CollectionService({ emit: ctx.emit, secrets: ctx.secrets, userDataDir: ctx.userDataDir, watch: ctx.mode !== 'cli', ...(ctx.consent === undefined ? {} : { consent: ctx.consent }) });
  const c = (id: string) => service.get(id);
  const handlers: Pick<Handlers, CollectionChannel> = {
    'collection:open': async ({ root }) => (await service.openRoot(root)).tree(),
    'collection:create': async ({ root, name }) => (await service.create(root, name)).tree(),
    'collection:close': ({ collectionId }) => service.close(collectionId),
    'collection:tree': async ({ collectionId }) => c(collectionId).tree(),
    'collection:saveSettings': async ({ collectionId, settings }) => {
      const col = c(collectionId);
      await col.writeFolderSettings('', settings);
      return col.changed(['salvo.yaml']);
    },
    'collection:readCertificates': ({ collectionId }) => readCertificates(c(collectionId)),
    'collection:saveCertificates': async ({ collectionId, certificates }) => {
      const col = c(collectionId);
      await saveCertificates(col, certificates);
      return col.changed(['salvo.yaml']);
    },
    'collection:list': async () => service.list().map((x) => ({ id: x.id, root: x.root, name: x.loaded.settings.name })),
    'request:read': ({ collectionId, path }) => readRequest(c(collectionId), path),
    'request:save': ({ collectionId, path, request, baseVersion, force }) => saveRequest(c(collectionId), path, request, baseVersion, force),
    'request:create': ({ collectionId, folder, name, request }) => createRequest(c(collectionId), folder, name, request),
    'folder:create': ({ collectionId, parent, name }) => createFolder(c(collectionId), parent, name),
    'folder:readSettings': async ({ collectionId, path }) => c(collectionId).folder(path).settings,
    'folder:saveSettings': async ({ collectionId, path, settings }) => {
      const col = c(collectionId);
      if (path === '') throw new SalvoError('invalid-input', 'use collection:saveSettings for the root');
      col.folder(path);
      await col.writeFolderSettings(path, settings);
      await col.changed([path]);
    },
    'folder:reorder': ({ collectionId, path, order }) => reorderFolder(c(collectionId), path, order),
    'item:rename': ({ collectionId, path, name }) => renameItem(c(collectionId), path, name),
    'item:move': ({ collectionId, path, toFolder, index }) => moveItem(c(collectionId), path, toFolder, index),
    'item:duplicate': ({ collectionId, path }) => duplicateItem(c(collectionId), path),
    'item:delete': ({ collectionId, path }) => deleteItem(c(collectionId), path),
    'env:list': async ({ collectionId }) => [...c(collectionId).loaded.environments.keys()].sort(),
    'env:read': ({ collectionId, name, reveal }) => readEnvironment(c(collectionId), name, reveal),
    'env:save': ({ collectionId, environment, previousName }) => saveEnvironment(c(collectionId), environment, previousName),
    'env:delete': ({ collectionId, name }) => deleteEnvironment(c(collectionId), name),
    'env:setActive': ({ collectionId, name }) => service.setActive(collectionId, name),
    'import:run': async ({ source, into, format }) => {
      const result = importText(await sourceText(source), format);
      const root = await writeImported(resolve(into), result.collection);
      return { tree: (await service.openRoot(root)).tree(), report: result.report };
    },
    'import:curl': async ({ text }) => {
      const { request } = parseCurl(text);
      const { name: _name, description: _d, notes: _n, ...spec } = request;
      return spec;
    },
    'export:curl': async ({ spec, context }) => {
      if (context.collectionId === undefined) return toCurl(spec);
      const eff = await effectiveRequest(c(context.collectionId), context.requestPath, context.environment, spec);
      // Secret variables stay as {{name}}: an exported command must never carry a secret value.
      const layers = eff.layers.map((layer) => {
        const secrets = layer.secrets ?? new Set<string>();
        if (secrets.size === 0) return layer;
        return { ...layer, values: new Map([...layer.values].map(([k, v]) => [k, secrets.has(k) ? `{{${k}}}` : v])) };
      });
      return toCurl(resolveRequest(eff.spec, layers).value);
    },
    'export:postman': async ({ collectionId }) => toPostman(c(collectionId).loaded),
  };
  return { handlers: rejectNotThrow(handlers), access: service.access(), service, close: () => service.closeAll() };
}

/** Makes every handler report failures as a rejected promise, never a synchronous throw. */
function rejectNotThrow<H extends Record<string, (arg: never) => Promise<unknown>>>(handlers: H): H {
  const out: Record<string, (arg: never) => Promise<unknown>> = {};
  for (const [name, fn] of Object.entries(handlers)) out[name] = async (arg: never) => fn(arg);
  return out as H;
}
