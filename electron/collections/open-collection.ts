import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CollectionSettings, CollectionTree, FolderSettings } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import type { Emit } from '../../shared/ipc/contract';
import type { SecretStore } from '../secrets/secret-store';
import type { SecretScope } from '../secrets/secret-key';
import type { ConsentPolicy, ConsentScope } from '../consent/consent-scope';
import { fileScope } from '../consent/file-scope';
import type { FileScope } from '../consent/file-scope';
import { insertIdLine, newCollectionId } from './collection-id';
import { readTextIfExists, writeIfChanged } from './file-io';
import type { FileQueue } from './file-queue';
import { COLLECTION_FILE, FOLDER_FILE, isDefaultFolder, serializeCollection, serializeFolder } from './format';
import { bindHostTls } from './host-tls';
import type { HostTls } from './host-tls';
import type { ClaimId } from './id-registry';
import type { OwnChanges } from './own-changes';
import { buildTree, loadCollection, orderedChildren } from './loader';
import type { LoadedCollection, LoadedFolder } from './loader';
import { baseRel, joinRel, splitRelPath } from './names';
import { resolveInside } from './safe-path';

/** What every open collection shares with the service. */
export interface CollectionDeps {
  readonly emit: Emit;
  readonly secrets: SecretStore;
  readonly queue: FileQueue;
  /** The collection's active environment (chosen by the user, kept in userData). */
  readonly activeEnv: (scope: SecretScope) => string | undefined;
  /** The collection has an id (it appeared: first save, a git pull): what was kept under its folder path moves to it. */
  readonly identified: (scope: SecretScope & { readonly id: string }) => Promise<void>;
  /** Whether this folder may use the id its salvo.yaml claims (not a copy of a collection still elsewhere). */
  readonly claimId: ClaimId;
  /** The app's own writes, so the watcher does not report them back as external changes. */
  readonly own: OwnChanges;
  /** The user's consent for files outside the folder (never read from the collection itself). */
  readonly consent: ConsentPolicy;
}

/** One open collection: its folder, the last loaded state and the write queue. */
export class OpenCollection {
  readonly id = randomUUID();
  private state: LoadedCollection | undefined;
  /**
   * The id the per-user values are kept under: salvo.yaml's id once this folder's claim to it is
   * accepted, else undefined (no id, or a copy of a collection still present elsewhere: its values
   * stay under this folder's path, so it never reads the original's secrets, consent or cookies).
   */
  private trustedId: string | undefined;
  private reloading: Promise<void> | undefined;
  private reloadAgain = false;
  /** The certificate entries bound for the settings they were made from (a reload makes new settings). */
  private tls: { readonly from: object; readonly bound: Promise<HostTls | undefined> } | undefined;

  /** Body and certificate files: relative to the folder, outside it only with the user's consent. */
  readonly files: FileScope & { readonly root: string };

  constructor(
    readonly root: string,
    readonly deps: CollectionDeps,
  ) {
    this.files = { ...fileScope(deps.consent, () => this.consentScope(), root), root };
  }

  /** Whose consent this collection's outside files need: its trusted id (it follows moves), else its folder. */
  consentScope(): ConsentScope {
    return { kind: 'collection', id: this.trustedId, root: this.root };
  }

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
        const before = this.state?.settings.id;
        const next = await loadCollection(this.root, this.state);
        const id = next.settings.id;
        // The claim is decided before the new state shows, so no read ever pairs it with an unchecked id.
        if (id !== before) this.trustedId = id !== undefined && (await this.deps.claimId(id, this.root)) ? id : undefined;
        this.state = next;
        // A trusted id that appeared (our first save, or a git pull) takes over the values and choices kept under the path.
        if (id !== before && this.trustedId !== undefined) await this.deps.identified({ root: this.root, id: this.trustedId });
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
      activeEnvironment: this.deps.activeEnv(this.secretScope()),
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

  /** The per-host TLS settings, files checked and passphrases loaded; bound once per loaded state. */
  hostTls(): Promise<HostTls | undefined> {
    const settings = this.loaded.settings;
    if (this.tls?.from !== settings) {
      const bound = bindHostTls(settings.certificates, this.files, this.secretScope(), this.deps.secrets);
      const entry = { from: settings, bound };
      this.tls = entry;
      // A failure (a secret that cannot be decrypted) is not kept: the next send tries again.
      void bound.catch(() => {
        if (this.tls === entry) this.tls = undefined;
      });
    }
    return this.tls.bound;
  }

  /** Forgets the bound TLS settings (a passphrase changed). */
  forgetHostTls(): void {
    this.tls = undefined;
  }

  /** Where this collection's secrets are kept: under its trusted id (see trustedId), else its folder path. */
  secretScope(): SecretScope {
    if (!this.state) throw new SalvoError('internal', 'collection not loaded');
    return { root: this.root, id: this.trustedId };
  }

  /**
   * The scope to store a secret value under, writing an id into salvo.yaml first when there is none
   * (for a store that keeps values), so the value survives moving the folder. A folder where
   * salvo.yaml cannot be written keeps the path scope: saving the secret must not fail for that.
   */
  async scopeForWrite(): Promise<SecretScope> {
    if (this.loaded.settings.id === undefined && this.deps.secrets.persistent) await this.ensureId().catch(() => undefined);
    return this.secretScope();
  }

  /**
   * Writes a fresh id into salvo.yaml when it has none, as one added line when the file allows
   * (see insertIdLine). Never changes an existing id. Returns the id.
   */
  async ensureId(): Promise<string> {
    const existing = this.loaded.settings.id;
    if (existing !== undefined) return existing;
    this.guardCorrupt(COLLECTION_FILE);
    await this.serial(this.keyOf(COLLECTION_FILE), async () => {
      const file = await this.abs(COLLECTION_FILE);
      const text = (await readTextIfExists(file)) ?? '';
      const id = newCollectionId();
      await this.write(file, insertIdLine(text, id) ?? serializeCollection({ ...this.loaded.settings, id }));
    });
    await this.reload();
    const id = this.loaded.settings.id;
    if (id === undefined) throw new SalvoError('io', `${COLLECTION_FILE} changed while its id was being written`);
    return id;
  }

  /** Writes a file of this collection unless it already holds `text`, noting it as our own change first. Returns whether it wrote. */
  async write(abs: string, text: string): Promise<boolean> {
    await this.deps.own.writing(abs, text);
    return writeIfChanged(abs, text);
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
  async writeFolderSettings(rel: string, settings: FolderSettings | CollectionSettings): Promise<void> {
    const fileRel = joinRel(rel, rel === '' ? COLLECTION_FILE : FOLDER_FILE);
    this.guardCorrupt(fileRel);
    await this.serial(this.keyOf(fileRel), async () => {
      const file = await this.abs(fileRel);
      if (rel === '') {
        // The id is never the caller's to change. A collection without one gets it with its first
        // real change, so a save that changes nothing still rewrites nothing.
        const next = { ...this.loaded.settings, ...settings, formatVersion: this.loaded.settings.formatVersion, id: this.loaded.settings.id };
        const text = serializeCollection(next);
        if (next.id === undefined && (await readTextIfExists(file)) !== text) await this.write(file, serializeCollection({ ...next, id: newCollectionId() }));
        else await this.write(file, text);
        return;
      }
      const exists = await stat(file).then(
        () => true,
        () => false,
      );
      if (!exists && isDefaultFolder(settings, baseRel(rel))) return;
      await this.write(file, serializeFolder(settings));
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
