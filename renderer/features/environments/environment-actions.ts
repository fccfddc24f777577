import type { Environment } from '../../../shared/model/collection';
import { api, errorInfoOf } from '../../api/client';
import { contextKey, useEnvironmentsStore } from '../../state/environments-store';
import { noticeError } from '../../state/notices-store';

/** Switches the active environment of a collection. */
export async function setActiveEnvironment(collectionId: string, name: string | undefined): Promise<void> {
  try {
    await api().call('env:setActive', { collectionId, ...(name === undefined ? {} : { name }) });
    useEnvironmentsStore.getState().setActive(collectionId, name);
    useEnvironmentsStore.getState().invalidate(collectionId);
  } catch (err) {
    noticeError(errorInfoOf(err));
  }
}

/** Reloads the environment names of a collection. */
export async function refreshEnvironments(collectionId: string): Promise<void> {
  try {
    const names = await api().call('env:list', { collectionId });
    const active = useEnvironmentsStore.getState().active[collectionId];
    useEnvironmentsStore.getState().setNames(collectionId, names, active !== undefined && names.includes(active) ? active : undefined);
    useEnvironmentsStore.getState().invalidate(collectionId);
  } catch (err) {
    noticeError(errorInfoOf(err));
  }
}

/** Reads an environment for editing (secret values stay masked). */
export async function readEnvironment(collectionId: string, name: string): Promise<Environment | undefined> {
  try {
    return await api().call('env:read', { collectionId, name });
  } catch (err) {
    noticeError(errorInfoOf(err));
    return undefined;
  }
}

/** Saves an environment (renaming when `previousName` differs). */
export async function saveEnvironment(collectionId: string, environment: Environment, previousName: string | undefined): Promise<boolean> {
  try {
    await api().call('env:save', { collectionId, environment, ...(previousName === undefined ? {} : { previousName }) });
    await refreshEnvironments(collectionId);
    return true;
  } catch (err) {
    noticeError(errorInfoOf(err));
    return false;
  }
}

/** Deletes an environment. */
export async function deleteEnvironment(collectionId: string, name: string): Promise<void> {
  try {
    await api().call('env:delete', { collectionId, name });
    await refreshEnvironments(collectionId);
  } catch (err) {
    noticeError(errorInfoOf(err));
  }
}

/** Fetches the variables visible to a request context into the store (for URL highlighting). */
export async function loadVisibleVariables(collectionId: string | undefined, requestPath: string | undefined, environment: string | undefined): Promise<void> {
  const key = contextKey(collectionId, requestPath, environment);
  try {
    const vars = await api().call('vars:resolve', {
      ...(collectionId === undefined ? {} : { collectionId }),
      ...(requestPath === undefined ? {} : { requestPath }),
      ...(environment === undefined ? {} : { environment }),
    });
    useEnvironmentsStore.getState().setVisible(key, vars);
  } catch {
    // Highlighting is best-effort: without it names just show as unresolved.
    useEnvironmentsStore.getState().setVisible(key, []);
  }
}
