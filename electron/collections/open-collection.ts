import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CollectionTree, FolderSettings } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import type { Emit } from '../../shared/ipc/contract';
import type { SecretStore } from '../handlers/context';
import { writeIfChanged } from './file-io';
import type { FileQueue } from './file-queue';
import { COLLECTION_FILE, FOLDER_FILE, isDefaultFolder, serializeCollection, serializeFolder } from './format';
import { buildTree, loadCollection, orderedChildren } from './loader';
import type { LoadedCollection, LoadedFolder } from './loader';
import { baseRel, joinRel, splitRelPath } from './names';
import { resolveInside } from './safe-path';

/** What every open collection shares with the service. */
export interface CollectionDeps {
  readonly emit: Emit;
  readonly secrets: SecretStore;
  readonly queue: FileQueue;
  readonly activeEnv: (root: string) => string | undefined;
}

/** One open collection: its folder, the last loaded state and the write queue. */
export class OpenCollection {
  readonly id = randomUUID();
  private state: LoadedCollection | undefined;
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;

  constructor(
    readonly root: string,
    readonly deps: CollectionDeps,
  ) {}

  /** The last loaded state (loaded at open, refreshed after each write and external change). */
  get loaded(): LoadedCollection {
    if (!this.state) throw new SalvoError('internal', 'collection not loaded');
    return this.state;
  }

  /** Re-reads the folder; concurrent calls coalesce into at most one extra pass. */
  async reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        this.state = await loadCollection(this.root, this.state);
      } while (this.reloadAgain);
    })().finally(() => {
      this.reloading = undefined;
    });
    return this.reloading;
  }

  /** The sidebar view of the current state. */
  tree(): CollectionTree {
    const l = this.loaded;
    return {
      id: this.id,
      root: this.root,
      name: l.settings.name,
      settings: l.settings,
      tree: buildTree(l),
      environments: [...l.environments.keys()].sort(),
      activeEnvironment: this.deps.activeEnv(this.root),
      problems: l.problems,
    };
  }

  /** Reloads and tells the renderer. */
  async changed(paths: readonly string[]): Promise<CollectionTree> {
    await this.reload();
    const tree = this.tree();
    this.deps.emit('collection:changed', { collectionId: this.id, tree, changedPaths: paths });
    return tree;
  }

  /** Absolute path for a collection-relative one (safe: no escape, no symlinks). */
  abs(rel: string): Promise<string> {
    return resolveInside(this.root, rel);
  }

  /** The per-file queue key of a collection-relative path (computed synchronously, checked). */
  keyOf(rel: string): string {
    return join(this.root, ...splitRelPath(rel));
  }

  /** Runs a write of one file through the per-file queue. */
  serial<T>(absPath: string, task: () => Promise<T>): Promise<T> {
    return this.deps.queue.run(absPath, task);
  }

  /** Refuses to overwrite a file that exists but could not be parsed (the user must fix or delete it). */
  guardCorrupt(rel: string, force = false): void {
    if (!force && this.loaded.corrupt.has(rel)) throw new SalvoError('conflict', `${rel} could not be read (see problems); fix or delete it before saving over it`);
  }

  folder(rel: string): LoadedFolder {
    splitRelPath(rel);
    const f = this.loaded.folders.get(rel);
    if (!f) throw new SalvoError('not-found', `no such folder: ${rel === '' ? '(root)' : rel}`);
    return f;
  }

  /** Writes a folder's settings file (salvo.yaml for the root); skips a folder.yaml that would say nothing. */
  async writeFolderSettings(rel: string, settings: FolderSettings): Promise<void> {
    const fileRel = joinRel(rel, rel === '' ? COLLECTION_FILE : FOLDER_FILE);
    this.guardCorrupt(fileRel);
    await this.serial(this.keyOf(fileRel), async () => {
      const file = await this.abs(fileRel);
      if (rel === '') {
        await writeIfChanged(file, serializeCollection({ ...this.loaded.settings, ...settings, formatVersion: this.loaded.settings.formatVersion }));
        return;
      }
      const exists = await stat(file).then(
        () => true,
        () => false,
      );
      if (!exists && isDefaultFolder(settings, baseRel(rel))) return;
      await writeIfChanged(file, serializeFolder(settings));
    });
  }

  /**
   * Updates a folder's saved order: `from` is removed and `to` (when given) is inserted at `index`,
   * or where `from` was. An empty order (alphabetical display) stays empty unless an index is asked for.
   */
  async renameInOrder(folderRel: string, from: string | undefined, to: string | undefined, index?: number): Promise<void> {
    const folder = this.loaded.folders.get(folderRel);
    if (!folder) return;
    const order = folder.settings.order;
    if (order.length === 0 && index === undefined) return;
    const base = (order.length > 0 ? order : orderedChildren(folder)).filter((n) => n !== from && n !== to);
    if (to !== undefined) {
      const was = from === undefined ? -1 : order.indexOf(from);
      const at = index !== undefined ? Math.min(index, base.length) : was >= 0 ? was : base.length;
      base.splice(at, 0, to);
    }
    if (base.length === order.length && base.every((n, i) => n === order[i])) return;
    await this.writeFolderSettings(folderRel, { ...folder.settings, order: base });
  }

  /** Absolute path of the root folder file, for tests and tools. */
  get settingsFile(): string {
    return join(this.root, COLLECTION_FILE);
  }
}
