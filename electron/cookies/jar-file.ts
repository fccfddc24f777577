import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../fs/atomic-write';
import type { SecretCipher } from '../secrets/cipher';

/** What a jar file holds: only the cipher's output, never a cookie in plain text. */
interface JarFileBody {
  readonly version: 1;
  readonly backend: string;
  /** base64 of `cipher.encrypt(JSON of the cookies)`. */
  readonly sealed: string;
}

/** Largest jar file read (3000 cookies of a few KB each, encrypted and base64'd, fit well inside). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads a jar file: the saved cookies, or an empty list when the file is missing, damaged or was
 * sealed by another key (cookies can be got again by logging in; the next save replaces the file).
 */
export async function readJarFile(path: string, cipher: SecretCipher): Promise<unknown[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  if (text.length > MAX_FILE_BYTES) return [];
  try {
    const body = JSON.parse(text) as Partial<JarFileBody>;
    if (body.version !== 1 || typeof body.sealed !== 'string') return [];
    const plain = JSON.parse(await cipher.decrypt(Buffer.from(body.sealed, 'base64'))) as unknown;
    return Array.isArray(plain) ? (plain as unknown[]) : [];
  } catch {
    return [];
  }
}

/** Seals the cookies with the app's secrets cipher and writes them atomically. */
export async function writeJarFile(path: string, cipher: SecretCipher, cookies: readonly unknown[]): Promise<void> {
  const sealed = await cipher.encrypt(JSON.stringify(cookies));
  const body: JarFileBody = { version: 1, backend: cipher.backend, sealed: sealed.toString('base64') };
  await writeFileAtomic(path, `${JSON.stringify(body)}\n`);
}
