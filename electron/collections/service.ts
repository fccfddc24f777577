import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CollectionSettingsSchema } from '../../shared/model/collection';
import { SalvoError } from '../../shared/model/errors';
import type { Emit } from '../../shared/ipc/contract';
import { writeFileAtomic } from '../fs/atomic-write';
import type { CollectionAccess } from '../handlers/context';
import type { SecretScope } from '../secrets/secret-key';
import type { SecretStore } from '../secrets/secret-store';
import { NO_CONSENT } from '../consent/consent-scope';
import type { ConsentPolicy } from '../consent/consent-scope';
import { ActiveEnvironments } from './active-environments';
import { effectiveRequest } from './effective';
import { cleanStrayTemps, readTextIfExists, writeIfChanged } from './file-io';
import { FileQueue } from './file-queue';
import { CollectionIdRegistry } from './id-registry';
import { newCollectionId } from './collection-id';
import { COLLECTION_FILE, FORMAT_VERSION, serializeCollection } from './format';
import { orderedChildren } from './loader';
import { checkDisplayName, joinRel } from './names';
import { OpenCollection } from './open-collection';
import { OwnChanges } from './own-changes';
import { readRequest } from './request-ops';
import { realRoot } from './safe-path';
import { watchFolder } from './watcher';
import { CollectionYamlFiles } from './yaml-files';
import type { z } from 'zod';
import type { FolderWatcher } from './watcher';

/** Options of the collection service. */
export interface CollectionServiceOptions {
  readonly emit: Emit;
  readonly secrets: SecretStore;
  readonly userDataDir: string;
  /** Watch open folders for external edits (off for the CLI). */
  readonly watch: boolean;
  readonly debounceMs?: number;
  /** The user's consent for files outside collection folders; absent: none is ever allowed. */
  readonly consent?: ConsentPolicy;
  /**
   * Bind each collection id to the folder first seen with it (in userDataDir), so a copied id is not
   * handed the original's values (default). Off for the CLI: it keeps no per-user values under ids
   * (secrets come from its environment, consent from its command line) and must not write the app's registry.
   */
  readonly bindIds?: boolean;
}

const GITIGNORE = '# Local secrets for the salvo CLI: never commit\n.env\n';

/** Owns every open collection: registry, watchers, the per-file write queue and the active environments. */
export class CollectionService {
  readonly queue = new FileQueue();
  /** Our own writes, told apart from external edits when the watcher reports them. */
  readonly own = new OwnChanges();
  private readonly byId = new Map<string, OpenCollection>();
  private readonly byRoot = new Map<string, OpenCollection>();
  private readonly watchers = new Map<string, FolderWatcher>();
  private loadingActive: Promise<ActiveEnvironments> | undefined;
  /** Set once loaded (before any collection opens): active environments are read synchronously. */
  private active: ActiveEnvironments | undefined;
  private loadingIds: Promise<CollectionIdRegistry> | undefined;

  constructor(private readonly opts: CollectionServiceOptions) {}

  private activeEnvironments(): Promise<ActiveEnvironments> {
    this.loadingActive ??= ActiveEnvironments.open(this.opts.userDataDir).then((a) => (this.active = a));
    return this.loadingActive;
  }

  /** Whether a folder may use the id it claims (always, when ids are not bound: see bindIds). */
  private async claimId(id: string, root: string): Promise<boolean> {
    if (this.opts.bindIds === false) return true;
    this.loadingIds ??= CollectionIdRegistry.open(this.opts.userDataDir);
    return (await this.loadingIds).claim(id, root);
  }

  /** What was kept under a collection's folder path moves to its id (called by its first load with an id, and when an id appears). */
  private async identified(scope: SecretScope & { readonly id: string }): Promise<void> {
    await this.opts.secrets.adopt(scope).catch(() => 0);
    await (await this.activeEnvironments()).adopt(scope).catch(() => undefined);
  }

  /** Opens a folder (or returns the open one); stray temp files from a crash are removed first. */
  async openRoot(root: string): Promise<OpenCollection> {
    const real = await realRoot(resolve(root));
    const existing = this.byRoot.get(real);
    if (existing) return existing;
    if ((await readTextIfExists(join(real, COLLECTION_FILE)).catch(() => '')) === undefined) throw new SalvoError('not-found', `not a Salvo collection (no ${COLLECTION_FILE}): ${real}`);
    await this.activeEnvironments();
    await cleanStrayTemps(real);
    const c = new OpenCollection(real, {
      emit: this.opts.emit,
      secrets: this.opts.secrets,
      queue: this.queue,
      activeEnv: (scope) => this.active?.get(scope),
      identified: (scope) => this.identified(scope),
      claimId: (id, root) => this.claimId(id, root),
      own: this.own,
      consent: this.opts.consent ?? NO_CONSENT,
    });
    await c.reload();
    await this.adoptSecrets(c);
    this.byId.set(c.id, c);
    this.byRoot.set(real, c);
    if (this.opts.watch) {
      this.watchers.set(
        c.id,
        watchFolder(
          real,
          (paths) => {
            // A failed reload (folder deleted) is reported on the next explicit call; never crash here.
            this.external(c, paths).catch(() => undefined);
          },
          this.opts.debounceMs,
        ),
      );
    }
    return c;
  }

  /** Reports the paths of a watcher burst that are not the echo of our own writes (none: no event). */
  private async external(c: OpenCollection, paths: readonly string[]): Promise<void> {
    const echoes = await Promise.all(paths.map((p) => this.own.isEcho(p === '' ? c.root : join(c.root, ...p.split('/')))));
    const outside = paths.filter((_, i) => echoes[i] !== true);
    if (outside.length > 0) await c.changed(outside);
  }

  /**
   * One-time migration of secrets an earlier version kept under the folder path: a collection that
   * has such values and no id gets one (one added line in salvo.yaml), and reload moves the values
   * under it. A read-only folder keeps the path; opening never fails for this.
   */
  private async adoptSecrets(c: OpenCollection): Promise<void> {
    if (c.loaded.settings.id !== undefined || !this.opts.secrets.persistent) return;
    if (!(await this.opts.secrets.hasPathScoped(c.root).catch(() => false))) return;
    await c.ensureId().catch(() => undefined);
  }

  /** Creates a new collection folder with salvo.yaml and a .gitignore that lists .env. */
  async create(root: string, name: string): Promise<OpenCollection> {
    const display = checkDisplayName(name);
    const abs = resolve(root);
    await mkdir(abs, { recursive: true });
    const real = await realRoot(abs);
    if ((await readTextIfExists(join(real, COLLECTION_FILE))) !== undefined) throw new SalvoError('conflict', `a collection already exists in ${real}`);
    await writeFileAtomic(join(real, COLLECTION_FILE), serializeCollection(CollectionSettingsSchema.parse({ name: display, formatVersion: FORMAT_VERSION, id: newCollectionId() })));
    const gitignore = join(real, '.gitignore');
    const current = await readTextIfExists(gitignore);
    if (current === undefined) await writeIfChanged(gitignore, GITIGNORE);
    else if (!current.split(/\r?\n/).some((l) => l.trim() === '.env')) await writeIfChanged(gitignore, `${current}${current.endsWith('\n') || current === '' ? '' : '\n'}${GITIGNORE}`);
    return this.openRoot(real);
  }

  /** An open collection by id. */
  get(id: string): OpenCollection {
    const c = this.byId.get(id);
    if (!c) throw new SalvoError('not-found', `collection is not open: ${id}`);
    return c;
  }

  list(): OpenCollection[] {
    return [...this.byId.values()];
  }

  async close(id: string): Promise<void> {
    const c = this.byId.get(id);
    if (!c) return;
    await this.watchers.get(id)?.close();
    this.watchers.delete(id);
    this.byId.delete(id);
    this.byRoot.delete(c.root);
  }

  /** Closes every collection and waits for queued writes. */
  async closeAll(): Promise<void> {
    for (const id of [...this.byId.keys()]) await this.close(id);
    await this.queue.idle();
    await this.active?.idle();
  }

  /** Sets (or clears) the active environment of a collection; kept in userDataDir (under its id when it has one), not in the collection. */
  async setActive(id: string, name: string | undefined): Promise<void> {
    const c = this.get(id);
    if (name !== undefined && !c.loaded.environments.has(name)) throw new SalvoError('not-found', `no such environment: ${name}`);
    await (await this.activeEnvironments()).set(c.secretScope(), name);
    await c.changed([]);
  }

  /** Request paths under a target in display order. */
  listRequests(id: string, target: string): string[] {
    const c = this.get(id);
    const l = c.loaded;
    if (l.requests.has(target)) return [target];
    if (!l.folders.has(target)) throw new SalvoError('not-found', `no such request or folder: ${target}`);
    const out: string[] = [];
    const walk = (rel: string): void => {
      const folder = l.folders.get(rel);
      if (!folder) return;
      for (const child of orderedChildren(folder)) {
        const childRel = joinRel(rel, child);
        if (l.requests.has(childRel)) out.push(childRel);
        else walk(childRel);
      }
    };
    walk(target);
    return out;
  }

  /** Safe YAML files in one sub-folder of an open collection (e.g. `runs` for run configurations), sharing the write queue. */
  yamlFiles<S extends z.ZodType>(id: string, dir: string, schema: S): CollectionYamlFiles<S> {
    return new CollectionYamlFiles(this.get(id).root, dir, schema, this.queue, this.own);
  }

  /** The view other domains (http send, batch runs, CLI) use. */
  access(): CollectionAccess {
    return {
      openRoot: async (root) => (await this.openRoot(root)).id,
      rootOf: (id) => this.get(id).root,
      nameOf: (id) => this.get(id).loaded.settings.name,
      readRequest: async (id, path) => (await readRequest(this.get(id), path)).request,
      listRequests: async (id, target) => this.listRequests(id, target),
      effective: async (id, path, env, spec) => effectiveRequest(this.get(id), path, env, spec),
      activeEnvironment: (id) => this.active?.get(this.get(id).secretScope()),
      filesOf: (id) => this.get(id).files,
    };
  }
}
