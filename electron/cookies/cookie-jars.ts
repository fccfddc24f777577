import { createHash } from 'node:crypto';
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
  /** Called (coalesced) after a jar changed; `root` is its collection folder, undefined for the default jar. */
  readonly onChange?: (root: string | undefined) => void;
  readonly settleMs?: number;
}

/** One loaded jar and its pending save. */
class KeptJar {
  timer: NodeJS.Timeout | undefined;
  saving: Promise<void> = Promise.resolve();

  constructor(
    readonly jar: SalvoCookieJar,
    readonly file: string,
    readonly root: string | undefined,
  ) {}
}

/** File name of a jar: a hash of the collection folder (the folder name itself is not written out). */
function fileOf(dir: string, root: string | undefined): string {
  return join(dir, root === undefined ? 'default.jar' : `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.jar`);
}

/**
 * The app's cookie jars: one per collection folder and one for requests outside any collection
 * (and history). Each is loaded on first use, saved encrypted with the secrets cipher a moment
 * after it changes, and flushed on close.
 */
export class CookieJars {
  private readonly loaded = new Map<string, Promise<KeptJar>>();
  private readonly settleMs: number;
  private closed = false;

  constructor(private readonly options: CookieJarsOptions) {
    this.settleMs = options.settleMs ?? SETTLE_MS;
  }

  /** The jar of a collection folder, or of requests outside collections when `root` is undefined. */
  async jarFor(root: string | undefined): Promise<SalvoCookieJar> {
    return (await this.kept(root)).jar;
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

  private kept(root: string | undefined): Promise<KeptJar> {
    const key = root ?? '';
    let found = this.loaded.get(key);
    if (found === undefined) {
      found = this.load(root);
      this.loaded.set(key, found);
      // A failed load is retried on the next use.
      found.catch(() => this.loaded.delete(key));
    }
    return found;
  }

  private async load(root: string | undefined): Promise<KeptJar> {
    const file = fileOf(this.options.dir, root);
    const jar = new SalvoCookieJar();
    await jar.restore(await readJarFile(file, this.options.cipher));
    const kept = new KeptJar(jar, file, root);
    jar.onChange = () => this.changed(kept);
    return kept;
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
