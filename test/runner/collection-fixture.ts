import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CollectionSettingsSchema, EnvironmentSchema, FolderSettingsSchema, SavedRequestSchema } from '../../shared/model/collection';
import type { SavedRequest } from '../../shared/model/collection';
import { serializeCollection, serializeEnvironment, serializeFolder, serializeRequest } from '../../electron/collections/format';

/** A request file to write: its collection-relative path and the saved request. */
export interface FixtureRequest {
  readonly path: string;
  readonly request: Partial<SavedRequest> & { name: string; url: string };
}

/**
 * Writes a collection folder with the collections engineer's serialisers: requests (folders get
 * a folder.yaml with their order), an environment, and the root order.
 */
export async function writeCollection(name: string, requests: readonly FixtureRequest[], env?: { name: string; variables: Record<string, string>; secrets?: readonly string[] }): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'salvo-col-'));
  const orders = new Map<string, string[]>();
  for (const r of requests) {
    const parts = r.path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      const child = parts[i] ?? '';
      const list = orders.get(folder) ?? [];
      if (!list.includes(child)) list.push(child);
      orders.set(folder, list);
    }
    await mkdir(dirname(join(root, r.path)), { recursive: true });
    await writeFile(join(root, r.path), serializeRequest(SavedRequestSchema.parse({ method: 'GET', ...r.request })));
  }
  for (const [folder, order] of orders) {
    if (folder === '') continue;
    await writeFile(join(root, folder, 'folder.yaml'), serializeFolder(FolderSettingsSchema.parse({ name: folder.split('/').at(-1), order })));
  }
  await writeFile(join(root, 'salvo.yaml'), serializeCollection(CollectionSettingsSchema.parse({ name, order: orders.get('') ?? [] })));
  if (env !== undefined) {
    await mkdir(join(root, 'environments'), { recursive: true });
    await writeFile(join(root, 'environments', `${env.name}.yaml`), serializeEnvironment(EnvironmentSchema.parse({ name: env.name, variables: [...Object.entries(env.variables).map(([n, value]) => ({ name: n, value })), ...(env.secrets ?? []).map((n) => ({ name: n, value: '', secret: true }))] })));
  }
  return root;
}
