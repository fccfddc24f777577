import { mkdir, open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { webcrypto } from 'node:crypto';
import { SalvoError } from '../../shared/model/errors';
import type { SecretCipher } from './cipher';

const KEY_FILE = 'secrets.key';
const IV_BYTES = 12;

async function loadOrCreateKey(userDataDir: string): Promise<Uint8Array> {
  const path = join(userDataDir, KEY_FILE);
  await mkdir(userDataDir, { recursive: true });
  try {
    const handle = await open(path, 'wx', 0o600);
    const key = webcrypto.getRandomValues(new Uint8Array(32));
    try {
      await handle.writeFile(key);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return key;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new SalvoError('io', `cannot create the secrets key: ${(err as Error).message}`);
  }
  const key = await readFile(path);
  if (key.length !== 32) throw new SalvoError('io', `secrets key file is damaged: ${path}`);
  return new Uint8Array(key);
}

/**
 * Fallback cipher for browser mode, tests and the CLI: AES-256-GCM (async Web Crypto) with a
 * random key in a 0600 file in userDataDir. Not OS-keyring protected, so it carries a warning.
 */
export function createNodeCipher(userDataDir: string): SecretCipher {
  let keyPromise: Promise<webcrypto.CryptoKey> | undefined;
  const key = (): Promise<webcrypto.CryptoKey> => {
    keyPromise ??= loadOrCreateKey(userDataDir).then((raw) => webcrypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
    return keyPromise;
  };
  return {
    backend: 'node-aes-gcm',
    warning: 'Secrets are encrypted with a key file in the user-data folder, not protected by the OS keyring.',
    async encrypt(text) {
      const iv = webcrypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key(), new TextEncoder().encode(text));
      return Buffer.concat([iv, new Uint8Array(sealed)]);
    },
    async decrypt(data) {
      if (data.length <= IV_BYTES) throw new SalvoError('io', 'secret data is damaged');
      const iv = data.subarray(0, IV_BYTES);
      try {
        const plain = await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv }, await key(), data.subarray(IV_BYTES));
        return new TextDecoder().decode(plain);
      } catch {
        throw new SalvoError('io', 'a secret could not be decrypted (key changed or data damaged)');
      }
    },
  };
}
