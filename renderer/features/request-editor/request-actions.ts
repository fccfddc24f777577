import type { SavedRequest } from '../../../shared/model/collection';
import type { RequestSpec } from '../../../shared/model/request';
import { api, ApiError, errorInfoOf } from '../../api/client';
import { newId } from '../../lib/ids';
import { normalizeUrlParams } from '../../lib/url-params';
import { dropBody, setBody } from '../../state/body-cache';
import { ask, askName } from '../../state/dialog-store';
import { useEnvironmentsStore } from '../../state/environments-store';
import { noticeError, useNoticesStore } from '../../state/notices-store';
import { useResponsesStore } from '../../state/responses-store';
import { useTabsStore } from '../../state/tabs-store';
import { useCollectionsStore } from '../../state/collections-store';

/** The sendable spec of a draft (name and notes stripped). */
export function specOf(draft: SavedRequest): RequestSpec {
  const { name: _n, description: _d, notes: _notes, ...spec } = draft;
  return spec;
}

function contextOf(collectionId: string | undefined, path: string | undefined): { collectionId?: string; requestPath?: string; environment?: string } {
  const environment = collectionId === undefined ? undefined : useEnvironmentsStore.getState().active[collectionId];
  return {
    ...(collectionId === undefined ? {} : { collectionId }),
    ...(path === undefined ? {} : { requestPath: path }),
    ...(environment === undefined ? {} : { environment }),
  };
}

/** Sends the tab's draft; the response lands in the responses store (errors too). */
export async function sendTab(tabId: string): Promise<void> {
  const tab = useTabsStore.getState().tabs[tabId];
  if (tab === undefined) return;
  const responses = useResponsesStore.getState();
  const previous = responses.byTab[tabId];
  if (previous?.phase === 'sending') return;
  if (previous !== undefined) {
    dropBody(previous.requestId);
    // Free the main-process copy of the old body.
    api().call('http:release', { id: previous.requestId }).catch(() => undefined);
  }
  const requestId = newId('req');
  responses.start(tabId, requestId);
  try {
    const view = await api().call('http:send', { id: requestId, spec: specOf(tab.draft), context: contextOf(tab.collectionId, tab.path) });
    const { preview, ...meta } = view;
    setBody(requestId, preview);
    useResponsesStore.getState().finish(requestId, meta, { bytes: preview.length, truncated: view.previewTruncated, encoding: view.previewEncoding });
  } catch (err) {
    useResponsesStore.getState().fail(requestId, errorInfoOf(err));
  }
}

/** Cancels the tab's in-flight request. */
export async function cancelTab(tabId: string): Promise<void> {
  const r = useResponsesStore.getState().byTab[tabId];
  if (r?.phase !== 'sending') return;
  try {
    await api().call('http:cancel', { id: r.requestId });
  } catch (err) {
    noticeError(errorInfoOf(err));
  }
}

async function chooseTarget(tabId: string): Promise<{ collectionId: string; folder: string; name: string } | undefined> {
  const tab = useTabsStore.getState().tabs[tabId];
  const collectionId = tab?.collectionId ?? useCollectionsStore.getState().activeId;
  if (tab === undefined || collectionId === undefined) {
    useNoticesStore.getState().push('error', 'Open a collection first: requests are saved as files in a collection folder.');
    return undefined;
  }
  const name = await askName('Save request', 'Request name', tab.draft.name);
  return name === undefined ? undefined : { collectionId, folder: '', name };
}

/** Saves the tab: a new request is created in its collection first; an external change since loading asks overwrite / reload. */
export async function saveTab(tabId: string, force = false): Promise<boolean> {
  let tab = useTabsStore.getState().tabs[tabId];
  if (tab === undefined) return false;
  try {
    if (tab.path === undefined || tab.collectionId === undefined) {
      const target = await chooseTarget(tabId);
      if (target === undefined) return false;
      const created = await api().call('request:create', { collectionId: target.collectionId, folder: target.folder, name: target.name });
      useTabsStore.getState().updateDraft(tabId, (d) => ({ ...d, name: target.name }));
      useTabsStore.getState().markSaved(tabId, created.path, '', target.collectionId);
      // The freshly created file has its own version; save over it.
      force = true;
      tab = useTabsStore.getState().tabs[tabId];
      if (tab === undefined || tab.path === undefined || tab.collectionId === undefined) return false;
    }
    const saved = await api().call('request:save', {
      collectionId: tab.collectionId,
      path: tab.path,
      request: tab.draft,
      ...(tab.version === undefined || tab.version === '' ? {} : { baseVersion: tab.version }),
      force,
    });
    useTabsStore.getState().markSaved(tabId, saved.path, saved.version, tab.collectionId);
    return true;
  } catch (err) {
    if (err instanceof ApiError && err.info.kind === 'conflict') return resolveConflict(tabId);
    noticeError(errorInfoOf(err));
    return false;
  }
}

async function resolveConflict(tabId: string): Promise<boolean> {
  const answer = await ask({
    title: 'File changed on disk',
    message: 'This request was changed outside this tab since you opened it. Overwrite the file with your version, or reload it and drop your edits?',
    choices: [
      { id: 'cancel', label: 'Cancel' },
      { id: 'reload', label: 'Reload from disk' },
      { id: 'overwrite', label: 'Overwrite', isDanger: true },
    ],
  });
  if (answer.choice === 'overwrite') return saveTab(tabId, true);
  if (answer.choice === 'reload') {
    const tab = useTabsStore.getState().tabs[tabId];
    if (tab?.collectionId === undefined || tab.path === undefined) return false;
    try {
      const { request, version } = await api().call('request:read', { collectionId: tab.collectionId, path: tab.path });
      const { url, params } = normalizeUrlParams(request.url, request.params);
      useTabsStore.getState().reload(tabId, { ...request, url, params }, version);
    } catch (err) {
      noticeError(errorInfoOf(err));
    }
  }
  return false;
}

/** Closes a tab, asking first when it has unsaved changes. */
export async function closeTabAsking(tabId: string): Promise<boolean> {
  const tab = useTabsStore.getState().tabs[tabId];
  if (tab === undefined) return false;
  if (tab.isDirty) {
    const answer = await ask({
      title: 'Unsaved changes',
      message: `"${tab.draft.name}" has unsaved changes.`,
      choices: [
        { id: 'cancel', label: 'Cancel' },
        { id: 'discard', label: "Don't save", isDanger: true },
        { id: 'save', label: 'Save' },
      ],
    });
    if (answer.choice === 'cancel') return false;
    if (answer.choice === 'save' && !(await saveTab(tabId))) return false;
  }
  const r = useResponsesStore.getState().byTab[tabId];
  if (r !== undefined) {
    dropBody(r.requestId);
    api().call('http:release', { id: r.requestId }).catch(() => undefined);
  }
  useResponsesStore.getState().clear(tabId);
  useTabsStore.getState().close(tabId);
  return true;
}

/** Opens a new blank request tab in the active collection. */
export function newRequestTab(): string {
  return useTabsStore.getState().openNew({ collectionId: useCollectionsStore.getState().activeId });
}

/** Replaces the draft's request parts with an imported cURL command. */
export async function importCurlInto(tabId: string, text: string): Promise<boolean> {
  try {
    const spec = await api().call('import:curl', { text });
    const { url, params } = normalizeUrlParams(spec.url, spec.params);
    // A saved request keeps its name; a blank tab takes the imported one when the parser suggests it.
    const suggested = (spec as { name?: unknown }).name;
    useTabsStore.getState().updateDraft(tabId, (d) => ({ ...d, ...spec, url, params, name: d.name === 'New request' && typeof suggested === 'string' ? suggested : d.name }));
    useNoticesStore.getState().push('info', 'Imported cURL command');
    return true;
  } catch (err) {
    noticeError(errorInfoOf(err));
    return false;
  }
}

/** Copies the draft as a cURL command to the clipboard; returns the command. */
export async function copyAsCurl(tabId: string): Promise<string | undefined> {
  const tab = useTabsStore.getState().tabs[tabId];
  if (tab === undefined) return undefined;
  try {
    const command = await api().call('export:curl', { spec: specOf(tab.draft), context: contextOf(tab.collectionId, tab.path) });
    const isCopied = await navigator.clipboard.writeText(command).then(
      () => true,
      () => false,
    );
    if (isCopied) useNoticesStore.getState().push('info', 'Copied as cURL');
    // No clipboard access (permission denied, unfocused page): show it to copy by hand.
    else void ask({ title: 'Copy as cURL', message: 'Select the command and copy it.', input: { label: 'cURL command', initial: command }, choices: [{ id: 'ok', label: 'Close' }] });
    return command;
  } catch (err) {
    noticeError(errorInfoOf(err));
    return undefined;
  }
}

/** True when pasted text looks like a cURL command. */
export function looksLikeCurl(text: string): boolean {
  return /^\s*curl(\.exe)?\s/i.test(text);
}
