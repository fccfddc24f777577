import type { ExternalFilesView } from '../../../shared/ipc/files';
import type { ErrorInfo } from '../../../shared/model/errors';
import { api, errorInfoOf } from '../../api/client';
import { useEnvironmentsStore } from '../../state/environments-store';
import { noticeError } from '../../state/notices-store';

/** The files an `external-file` error names (every one, so one answer allows them all). */
export function externalFilesOf(error: ErrorInfo): string[] {
  if (error.detail?.reason !== 'external-file') return [];
  const paths = error.detail.paths;
  if (Array.isArray(paths)) return paths.filter((p): p is string => typeof p === 'string');
  return typeof error.detail.path === 'string' ? [error.detail.path] : [];
}

const scope = (collectionId: string | undefined): { collectionId?: string } => (collectionId === undefined ? {} : { collectionId });

/**
 * Asks main to allow exactly these files for a collection (none: requests outside collections), with
 * its active environment (a file path may hold variables). Returns false (after a notice) when refused.
 */
export async function grantExternalFiles(collectionId: string | undefined, paths: readonly string[]): Promise<boolean> {
  if (paths.length === 0) return false;
  const environment = collectionId === undefined ? undefined : useEnvironmentsStore.getState().active[collectionId];
  try {
    await api().call('files:grantExternal', { ...scope(collectionId), paths: [...paths], ...(environment === undefined ? {} : { environment }) });
    return true;
  } catch (err) {
    noticeError(errorInfoOf(err));
    return false;
  }
}

/** Withdraws consent for these files; the new view, or undefined after a notice. */
export async function revokeExternalFiles(collectionId: string | undefined, paths: readonly string[]): Promise<ExternalFilesView | undefined> {
  try {
    return await api().call('files:revokeExternal', { ...scope(collectionId), paths: [...paths] });
  } catch (err) {
    noticeError(errorInfoOf(err));
    return undefined;
  }
}

/** The granted and recently refused files of a scope; undefined after a notice. */
export async function listExternalFiles(collectionId: string | undefined): Promise<ExternalFilesView | undefined> {
  try {
    return await api().call('files:listExternal', scope(collectionId));
  } catch (err) {
    noticeError(errorInfoOf(err));
    return undefined;
  }
}
