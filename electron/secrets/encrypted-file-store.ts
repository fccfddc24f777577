import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretStore } from '../handlers/context';
import type { SecretCipher } from './cipher';

const STORE_FILE = 'secrets.json';

interface StoreFile {
  readonly version: 1;
  readonly backend: string;
  readonly entries: Record<string, string>;
}

/**
 * SecretStore kept in `<userDataDir>/secrets.json`: each value encrypted by `cipher`
 * (base64), never plain text. Reads load lazily; writes are atomic and serialised.
 */
export class EncryptedFileSecretStore implements SecretStore {
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

  /** The decrypted value, or undefined when not stored. */
  async get(key: string): Promise<string | undefined> {
    const sealed = (await this.load()).get(key);
    return sealed === undefined ? undefined : this.cipher.decrypt(Buffer.from(sealed, 'base64'));
  }

  /** Encrypts and stores a value. */
  set(key: string, value: string): Promise<void> {
    return this.serial(async () => {
      const map = await this.load();
      map.set(key, (await this.cipher.encrypt(value)).toString('base64'));
      await this.persist(map);
    });
  }

  /** Removes a value (no-op when absent). */
  delete(key: string): Promise<void> {
    return this.serial(async () => {
      const map = await this.load();
      if (!map.delete(key)) return;
      await this.persist(map);
    });
  }

  describe(): { backend: string; warning?: string } {
    return this.cipher.warning === undefined ? { backend: this.cipher.backend } : { backend: this.cipher.backend, warning: this.cipher.warning };
  }
}
