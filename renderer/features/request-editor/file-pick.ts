import { api, errorInfoOf } from '../../api/client';
import { noticeError } from '../../state/notices-store';

/**
 * Opens the native file picker; undefined when cancelled or unsupported (browser mode: the path field
 * is the fallback). A file picked outside the collection (`collectionId`; none: outside collections)
 * is allowed for it by the main process: choosing it is the user's consent.
 */
export async function pickFile(title: string, collectionId: string | undefined): Promise<string | undefined> {
  try {
    const out = await api().call('files:pick', { title, ...(collectionId === undefined ? {} : { collectionId }) });
    if (out.unsupported === true) {
      noticeError({ kind: 'invalid-input', message: 'No file dialog in browser mode: type the file path in the field instead.' });
      return undefined;
    }
    return out.canceled ? undefined : out.path;
  } catch (err) {
    noticeError(errorInfoOf(err));
    return undefined;
  }
}
