import type { CertificateInput, CertificateView } from '../../../shared/ipc/collections';
import { api, errorInfoOf } from '../../api/client';
import { noticeError } from '../../state/notices-store';

/** Reads a collection's certificate entries (passphrases only as stored / not stored). */
export async function readCertificates(collectionId: string): Promise<readonly CertificateView[] | undefined> {
  try {
    return await api().call('collection:readCertificates', { collectionId });
  } catch (err) {
    noticeError(errorInfoOf(err));
    return undefined;
  }
}

/** Saves the entries (salvo.yaml) and any passphrase typed (secret store); true on success. */
export async function saveCertificates(collectionId: string, certificates: readonly CertificateInput[]): Promise<boolean> {
  try {
    await api().call('collection:saveCertificates', { collectionId, certificates: [...certificates] });
    return true;
  } catch (err) {
    noticeError(errorInfoOf(err));
    return false;
  }
}

/**
 * A picked file as the entry stores it: relative to the collection when inside it; an absolute path
 * otherwise, which the entry may use only with consent (the user just chose that file).
 */
export function entryPath(root: string, picked: string): { readonly path: string; readonly isExternal: boolean } {
  const norm = (p: string): string => p.replace(/\\/g, '/');
  const base = norm(root).replace(/\/+$/, '');
  const file = norm(picked);
  return file.startsWith(`${base}/`) ? { path: file.slice(base.length + 1), isExternal: false } : { path: picked, isExternal: true };
}
