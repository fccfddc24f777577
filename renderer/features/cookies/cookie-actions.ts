import type { EventMap } from '../../../shared/ipc/contract';
import type { CookieInput, CookieKey } from '../../../shared/model/cookie';
import type { ApiClient } from '../../api/client';
import { api, errorInfoOf } from '../../api/client';
import { useCollectionsStore } from '../../state/collections-store';
import { useCookiesStore } from '../../state/cookies-store';
import { ask } from '../../state/dialog-store';
import { noticeError } from '../../state/notices-store';

function scopeArg(): { collectionId?: string } {
  const id = useCookiesStore.getState().scope.collectionId;
  return id === undefined ? {} : { collectionId: id };
}

/** Opens the manager on the active collection's jar (or the jar of requests outside collections). */
export function openCookieManager(): void {
  useCookiesStore.getState().open({ collectionId: useCollectionsStore.getState().activeId });
  void refreshCookies();
}

/** Reloads the shown jar. */
export async function refreshCookies(): Promise<void> {
  const store = useCookiesStore.getState();
  const scope = store.scope;
  store.setLoading(true);
  try {
    const cookies = await api().call('cookies:list', scopeArg());
    // Only if the user did not switch jars meanwhile.
    if (useCookiesStore.getState().scope === scope) useCookiesStore.getState().setCookies(cookies);
  } catch (err) {
    useCookiesStore.getState().setLoading(false);
    noticeError(errorInfoOf(err));
  }
}

/** Deletes one cookie. */
export async function deleteCookie(key: CookieKey): Promise<void> {
  try {
    await api().call('cookies:delete', { ...scopeArg(), key });
  } catch (err) {
    noticeError(errorInfoOf(err));
  }
  await refreshCookies();
}

/** Empties the shown jar after asking. */
export async function clearCookies(): Promise<void> {
  const answer = await ask({ title: 'Clear cookies', message: 'Delete every cookie of this jar?', choices: [{ id: 'cancel', label: 'Cancel' }, { id: 'clear', label: 'Clear all', isDanger: true }] });
  if (answer.choice !== 'clear') return;
  try {
    await api().call('cookies:clear', scopeArg());
  } catch (err) {
    noticeError(errorInfoOf(err));
  }
  await refreshCookies();
}

/** Adds or replaces a cookie; resolves the error message when the main process refused it. */
export async function saveCookie(cookie: CookieInput, replaces: CookieKey | undefined): Promise<string | undefined> {
  try {
    await api().call('cookies:set', { ...scopeArg(), cookie, ...(replaces === undefined ? {} : { replaces }) });
  } catch (err) {
    return errorInfoOf(err).message;
  }
  useCookiesStore.getState().edit(undefined);
  await refreshCookies();
  return undefined;
}

/** Keeps an open manager in step with its jar: main announces changes (coalesced) after sends and runs. */
export function bindCookieEvents(client: ApiClient): () => void {
  return client.on('cookies:changed', (event: EventMap['cookies:changed']) => {
    const state = useCookiesStore.getState();
    if (state.isOpen && state.scope.collectionId === event.collectionId) void refreshCookies();
  });
}
