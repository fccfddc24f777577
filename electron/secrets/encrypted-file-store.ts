import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretCipher } from './cipher';
import { parsePathKey, pathKey, storageKey } from './secret-key';
import type { SecretRef, SecretScope } from './secret-key';
import type { SecretStore } from './secret-store';

const STORE_FILE = 'secrets.json';

interface StoreFile {
  readonly version: 1;
  readonly backend: string;
  readonly entries: Record<string, string>;
}

/**
 * SecretStore kept in `<userDataDir>/secrets.json`: each value encrypted by `cipher`
 * (base64), never plain text. Reads load lazily; writes are atomic and serialised. Values live
 * under the collection id when it has one, else under its folder path (see secret-key.ts).
 */
export class EncryptedFileSecretStore implements SecretStore {
  readonly persistent = true;
  private entries: Map<string, string> | undefined;
  private loading: Promise<Map<string, string>> | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly file: string;

  constructor(
    userDataDir: string,
    private readonly cipher: SecretCipher,
  ) {
    this.file = join(userDataDir, STORE_FILE);
  }

  private load(): Promise<Map<string, string>> {
    if (this.entries) return Promise.resolve(this.entries);
    this.loading ??= (async () => {
      const map = new Map<string, string>();
      try {
        const parsed = JSON.parse(await readFile(this.file, 'utf8')) as Partial<StoreFile>;
        if (parsed.entries && typeof parsed.entries === 'object') {
          for (const [k, v] of Object.entries(parsed.entries)) if (typeof v === 'string') map.set(k, v);
        }
      } catch {
        // Missing file: no secrets yet. A damaged one is kept aside on the next write (see persist).
      }
      this.entries = map;
      return map;
    })();
    return this.loading;
  }

  private persist(map: Map<string, string>): Promise<void> {
    const body: StoreFile = { version: 1, backend: this.cipher.backend, entries: Object.fromEntries([...map].sort(([a], [b]) => (a < b ? -1 : 1))) };
    return writeFileAtomic(this.file, JSON.stringify(body, null, 2) + '\n');
  }

  private serial(task: () => Promise<void>): Promise<void> {
    const next = this.chain.then(task, task);
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** The decrypted value, or undefined when not stored. A collection with an id still finds a value not yet moved from its path. */
  async get(ref: SecretRef): Promise<string | undefined> {
    const map = await this.load();
    const sealed = map.get(storageKey(ref)) ?? (ref.scope.id === undefined ? undefined : map.get(pathKey(ref)));
    return sealed === undefined ? undefined : this.cipher.decrypt(Buffer.from(sealed, 'base64'));
  }

  /** Encrypts and stores a value (under the id when there is one; a stale path copy is dropped). */
  set(ref: SecretRef, value: string): Promise<void> {
    return this.serial(async () => {
      const map = await this.load();
      map.set(storageKey(ref), (await this.cipher.encrypt(value)).toString('base64'));
      if (ref.scope.id !== undefined) map.delete(pathKey(ref));
      await this.persist(map);
    });
  }

  /** Removes a value, wherever it is kept (no-op when absent). */
  delete(ref: SecretRef): Promise<void> {
    return this.serial(async () => {
      const map = await this.load();
      const removedId = map.delete(storageKey(ref));
      const removedPath = ref.scope.id !== undefined && map.delete(pathKey(ref));
      if (removedId || removedPath) await this.persist(map);
    });
  }

  async hasPathScoped(root: string): Promise<boolean> {
    for (const key of (await this.load()).keys()) if (parsePathKey(key)?.root === root) return true;
    return false;
  }

  adopt(scope: SecretScope & { readonly id: string }): Promise<number> {
    let moved = 0;
    return this.serial(async () => {
      const map = await this.load();
      for (const [key, sealed] of [...map]) {
        const parsed = parsePathKey(key);
        if (parsed?.root !== scope.root) continue;
        const target = parsed.rekey(scope.id);
        if (!map.has(target)) map.set(target, sealed);
        map.delete(key);
        moved++;
      }
      if (moved > 0) await this.persist(map);
    }).then(() => moved);
  }

  describe(): { backend: string; warning?: string } {
    return this.cipher.warning === undefined ? { backend: this.cipher.backend } : { backend: this.cipher.backend, warning: this.cipher.warning };
  }
}
