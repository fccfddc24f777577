import { createHash } from 'node:crypto';
import { rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretCipher } from '../secrets/cipher';
import { SalvoCookieJar } from './cookie-jar';
import { readJarFile, writeJarFile } from './jar-file';

/** How long after a change a jar is saved (and its change announced): a run's many Set-Cookies make one write. */
const SETTLE_MS = 300;

/** Options of the app's jars. */
export interface CookieJarsOptions {
  /** Folder of the jar files (`<userData>/cookies`), never a collection folder. */
  readonly dir: string;
  readonly cipher: SecretCipher;
  /** Called (coalesced) after a jar changed; `root` is its collection folder (as last used), undefined for the default jar. */
  readonly onChange?: (root: string | undefined) => void;
  readonly settleMs?: number;
}

/**
 * Whose jar: a collection, known by its stable id (salvo.yaml `id`) when it has one, so the jar
 * follows the folder when it moves, else by its folder path. The same shape as a secret's scope.
 */
export interface JarOwner {
  readonly root: string;
  readonly id: string | undefined;
}

/** One loaded jar and its pending save. */
class KeptJar {
  timer: NodeJS.Timeout | undefined;
  saving: Promise<void> = Promise.resolve();

  constructor(
    readonly jar: SalvoCookieJar,
    /** Where it is saved (changes once, when a path-keyed jar moves under its collection's id). */
    public file: string,
    /** The folder it was last used for (a collection keyed by id may be opened from another one). */
    public root: string | undefined,
  ) {}
}

function hashed(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/** The jar file of a folder path: a hash of it (the folder name itself is not written out). */
function pathFile(dir: string, root: string): string {
  return join(dir, `${hashed(root)}.jar`);
}

/** The jar file of a collection id (hashed too: one naming rule, whatever an id holds). */
function idFile(dir: string, id: string): string {
  return join(dir, `id-${hashed(`id\0${id}`)}.jar`);
}

function keyOf(owner: JarOwner | undefined): string {
  if (owner === undefined) return '';
  return owner.id === undefined ? `root:${owner.root}` : `id:${owner.id}`;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * The app's cookie jars: one per collection (by its id, else its folder) and one for requests
 * outside any collection (and history). Each is loaded on first use, saved encrypted with the
 * secrets cipher a moment after it changes, and flushed on close. A jar an earlier version kept
 * under the folder path moves under the id the first time the collection is used with one: the
 * file is renamed as it is, still sealed, never decrypted on the way.
 */
export class CookieJars {
  private readonly loaded = new Map<string, Promise<KeptJar>>();
  private readonly settleMs: number;
  private closed = false;

  constructor(private readonly options: CookieJarsOptions) {
    this.settleMs = options.settleMs ?? SETTLE_MS;
  }

  /** The jar of a collection, or of requests outside collections when `owner` is undefined. */
  async jarFor(owner: JarOwner | undefined): Promise<SalvoCookieJar> {
    const kept = await this.kept(owner);
    kept.root = owner?.root;
    return kept.jar;
  }

  /** Writes every pending change now. */
  async flush(): Promise<void> {
    const all = await Promise.all([...this.loaded.values()].map((p) => p.catch(() => undefined)));
    await Promise.all(all.map((kept) => (kept === undefined ? undefined : this.saveNow(kept))));
  }

  /** Flushes and stops scheduling saves (later changes stay in memory only). */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }

  private kept(owner: JarOwner | undefined): Promise<KeptJar> {
    const key = keyOf(owner);
    let found = this.loaded.get(key);
    if (found === undefined) {
      found = this.load(owner);
      this.loaded.set(key, found);
      // A failed load is retried on the next use.
      found.catch(() => this.loaded.delete(key));
    }
    return found;
  }

  private async load(owner: JarOwner | undefined): Promise<KeptJar> {
    const { dir } = this.options;
    if (owner === undefined) return this.read(join(dir, 'default.jar'), undefined);
    if (owner.id === undefined) return this.read(pathFile(dir, owner.root), owner.root);
    const target = idFile(dir, owner.id);
    const oldKey = keyOf({ root: owner.root, id: undefined });
    const loadedByPath = this.loaded.get(oldKey);
    if (await exists(target)) return this.read(target, owner.root);
    // The collection got its id while its jar was in use under the path: that jar, pending changes and all, moves.
    const inUse = await loadedByPath?.catch(() => undefined);
    if (inUse !== undefined && this.loaded.get(oldKey) === loadedByPath) {
      this.loaded.delete(oldKey);
      await this.move(inUse, target);
      return inUse;
    }
    // One-time move of the jar an earlier version kept under this folder path (none: nothing to move).
    await rename(pathFile(dir, owner.root), target).catch(() => undefined);
    return this.read(target, owner.root);
  }

  private async read(file: string, root: string | undefined): Promise<KeptJar> {
    const jar = new SalvoCookieJar();
    await jar.restore(await readJarFile(file, this.options.cipher));
    const kept = new KeptJar(jar, file, root);
    jar.onChange = () => this.changed(kept);
    return kept;
  }

  /** Renames a loaded jar's file, after any save in progress; later saves go to the new file. */
  private move(kept: KeptJar, target: string): Promise<void> {
    const from = kept.file;
    kept.saving = kept.saving.then(async () => {
      // Missing (never saved yet) is fine: the next save writes the new file.
      await rename(from, target).catch(() => undefined);
      kept.file = target;
    });
    return kept.saving;
  }

  private changed(kept: KeptJar): void {
    if (this.closed || kept.timer !== undefined) return;
    kept.timer = setTimeout(() => {
      void this.saveNow(kept);
    }, this.settleMs);
  }

  private announce(root: string | undefined): void {
    try {
      this.options.onChange?.(root);
    } catch {
      // A listener's failure must not turn a save into an unhandled rejection.
    }
  }

  private saveNow(kept: KeptJar): Promise<void> {
    if (kept.timer === undefined) return kept.saving;
    clearTimeout(kept.timer);
    kept.timer = undefined;
    // Saves of one jar run one after another; each writes the jar as it is when it starts.
    kept.saving = kept.saving
      .then(async () => {
        await writeJarFile(kept.file, this.options.cipher, await kept.jar.toJSON());
      })
      .catch(() => undefined)
      .then(() => this.announce(kept.root));
    return kept.saving;
  }
}
