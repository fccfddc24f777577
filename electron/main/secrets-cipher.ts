import type { SafeStorage } from 'electron';
import { SalvoError } from '../../shared/model/errors';
import type { SecretCipher } from '../secrets/cipher';


/** The async safeStorage API (the sync one is deprecated). */
export type SafeStorageLike = Pick<SafeStorage, 'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend'>;

/** Shown when Linux has no keyring and Chromium falls back to a hard-coded key. */
export const BASIC_TEXT_WARNING =
  'No system keyring was found, so secrets are encrypted with a fixed key that other programs running as you can undo. Install and unlock a keyring (GNOME Keyring or KWallet) to protect them.';

function backendName(storage: SafeStorageLike, platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'keychain';
  if (platform === 'win32') return 'dpapi';
  if (platform === 'linux') return storage.getSelectedStorageBackend();
  return 'unknown';
}

/**
 * A SecretCipher over Electron's async safeStorage. Call after app ready: the backend is only
 * known once the async encryptor has initialised. If no encryption is available at all, every
 * encrypt fails with a clear error rather than storing the value in plain text.
 */
export async function createSafeStorageCipher(storage: SafeStorageLike, platform: NodeJS.Platform): Promise<SecretCipher> {
  const available = await storage.isAsyncEncryptionAvailable();
  const name = available ? backendName(storage, platform) : 'unavailable';
  const warning = !available
    ? 'Secure storage is not available on this system, so secret values cannot be saved.'
    : name === 'basic_text'
      ? BASIC_TEXT_WARNING
      : undefined;
  return {
    backend: `safeStorage:${name}`,
    ...(warning === undefined ? {} : { warning }),
    async encrypt(text) {
      if (!available) throw new SalvoError('io', 'cannot save a secret: secure storage is not available');
      return storage.encryptStringAsync(text);
    },
    async decrypt(data) {
      if (!available) throw new SalvoError('io', 'cannot read a secret: secure storage is not available');
      try {
        return (await storage.decryptStringAsync(data)).result;
      } catch {
        // The message may echo ciphertext details; keep it generic.
        throw new SalvoError('io', 'a stored secret could not be decrypted (was the keyring reset?)');
      }
    },
  };
}
