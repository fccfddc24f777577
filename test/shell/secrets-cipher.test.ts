import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BASIC_TEXT_WARNING, createSafeStorageCipher } from '../../electron/main/secrets-cipher';
import type { SafeStorageLike } from '../../electron/main/secrets-cipher';

/** A working stand-in for safeStorage: real AES-GCM, so round trips and tampering are real. */
function fakeSafeStorage(backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>, available = true): SafeStorageLike {
  const key = randomBytes(32);
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: (text) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
      return Promise.resolve(Buffer.concat([iv, c.getAuthTag(), body]));
    },
    decryptStringAsync: (data) => {
      const d = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      d.setAuthTag(data.subarray(12, 28));
      const text = Buffer.concat([d.update(data.subarray(28)), d.final()]).toString('utf8');
      return Promise.resolve({ result: text, shouldReEncrypt: false });
    },
  };
}

describe('createSafeStorageCipher', () => {
  it('round-trips through the async API and never returns the plain text as ciphertext', async () => {
    const cipher = await createSafeStorageCipher(fakeSafeStorage('gnome_libsecret'), 'linux');
    const data = await cipher.encrypt('s3cr3t-token-value');
    expect(data.toString('utf8')).not.toContain('s3cr3t-token-value');
    await expect(cipher.decrypt(data)).resolves.toBe('s3cr3t-token-value');
    expect(cipher.backend).toBe('safeStorage:gnome_libsecret');
    expect(cipher.warning).toBeUndefined();
  });

  it('warns on Linux basic_text storage', async () => {
    const cipher = await createSafeStorageCipher(fakeSafeStorage('basic_text'), 'linux');
    expect(cipher.backend).toBe('safeStorage:basic_text');
    expect(cipher.warning).toBe(BASIC_TEXT_WARNING);
  });

  it('names the platform store on macOS and Windows', async () => {
    expect((await createSafeStorageCipher(fakeSafeStorage('unknown'), 'darwin')).backend).toBe('safeStorage:keychain');
    expect((await createSafeStorageCipher(fakeSafeStorage('unknown'), 'win32')).backend).toBe('safeStorage:dpapi');
  });

  it('refuses to store anything when encryption is unavailable', async () => {
    const cipher = await createSafeStorageCipher(fakeSafeStorage('basic_text', false), 'linux');
    expect(cipher.backend).toBe('safeStorage:unavailable');
    expect(cipher.warning).toMatch(/not available/);
    await expect(cipher.encrypt('x')).rejects.toMatchObject({ info: { kind: 'io' } });
  });

  it('turns a failed decrypt into a clear error without echoing the data', async () => {
    const cipher = await createSafeStorageCipher(fakeSafeStorage('kwallet5'), 'linux');
    const data = await cipher.encrypt('value');
    data[data.length - 1] = (data[data.length - 1] ?? 0) ^ 0xff;
    await expect(cipher.decrypt(data)).rejects.toMatchObject({ info: { kind: 'io', message: expect.stringMatching(/could not be decrypted/) } });
  });
});
