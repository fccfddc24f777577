import { api, errorInfoOf } from '../../api/client';
import { noticeError } from '../../state/notices-store';

/** Opens the native file picker; undefined when cancelled or unsupported (browser mode: the path field is the fallback). */
export async function pickFile(title: string): Promise<string | undefined> {
  try {
    const out = await api().call('dialog:openFile', { title });
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
