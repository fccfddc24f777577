import { api, errorInfoOf } from '../../api/client';
import { appendBody, getBody, setBody } from '../../state/body-cache';
import { ask } from '../../state/dialog-store';
import { noticeError, useNoticesStore } from '../../state/notices-store';
import { useResponsesStore } from '../../state/responses-store';

/** Slice size for progressive "show all" fetches: a multiple of 3 so base64 slices concatenate cleanly. */
export const SLICE_BYTES = 3 * 349_525;
/** Beyond this the viewer stops fetching and offers "save to file" instead (a code view of more is not useful). */
export const MAX_VIEW_BYTES = 16 * 1024 * 1024;

/**
 * Fetches the whole body slice by slice with `http:body`, appending to the cache and bumping the
 * store version once per slice, so the view fills progressively and the UI thread never parses it all at once.
 */
export async function loadFullBody(requestId: string): Promise<void> {
  const store = useResponsesStore.getState();
  store.bodyChanged(requestId, { isLoadingMore: true });
  try {
    let offset = 0;
    setBody(requestId, '');
    for (;;) {
      const slice = await api().call('http:body', { id: requestId, offset, limit: SLICE_BYTES });
      appendBody(requestId, slice.data);
      offset = slice.offset + SLICE_BYTES;
      const done = slice.done || offset >= slice.totalBytes;
      const capped = offset >= MAX_VIEW_BYTES && !done;
      useResponsesStore.getState().bodyChanged(requestId, { bytes: getBody(requestId).length, truncated: !done, isLoadingMore: !done && !capped });
      if (done || capped) break;
      // Let the frame paint between slices.
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  } catch (err) {
    useResponsesStore.getState().bodyChanged(requestId, { isLoadingMore: false });
    noticeError(errorInfoOf(err));
  }
}

/** Asks where to save and writes the full stored body there (`dialog:saveFile` + `http:saveBody`), with a path prompt in browser mode. */
export async function saveBodyToFile(requestId: string, defaultName: string): Promise<void> {
  try {
    const chosen = await api().call('dialog:saveFile', { title: 'Save response body', defaultName });
    let path = chosen.path;
    if (chosen.unsupported === true) {
      const answer = await ask({
        title: 'Save response body',
        message: 'Type the full path of the file to write.',
        input: { label: 'File path', initial: '' },
        choices: [
          { id: 'cancel', label: 'Cancel' },
          { id: 'ok', label: 'Save' },
        ],
      });
      path = answer.choice === 'ok' && answer.text.trim() !== '' ? answer.text.trim() : undefined;
    }
    if (path === undefined || chosen.canceled && chosen.unsupported !== true) return;
    const out = await api().call('http:saveBody', { id: requestId, path });
    useNoticesStore.getState().push('info', `Saved ${out.bytes} bytes to ${path}`);
  } catch (err) {
    noticeError(errorInfoOf(err));
  }
}

/** Copies the cached body text to the clipboard. */
export async function copyBody(requestId: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(getBody(requestId));
    useNoticesStore.getState().push('info', 'Copied response body');
  } catch (err) {
    noticeError(errorInfoOf(err));
  }
}
