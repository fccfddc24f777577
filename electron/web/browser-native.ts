import { SalvoError } from '../../shared/model/errors';
import type { NativeBridge } from '../handlers/context';

const UNSUPPORTED = { canceled: true, unsupported: true } as const;

/** Native dialogs do not exist in browser mode: each says so, and links are never opened from here. */
export const browserNative: NativeBridge = {
  openFolder: () => Promise.resolve(UNSUPPORTED),
  openFile: () => Promise.resolve(UNSUPPORTED),
  saveFile: () => Promise.resolve(UNSUPPORTED),
  openExternal: () => Promise.reject(new SalvoError('invalid-input', 'opening links in the system browser is not available in browser mode; copy the link instead')),
};
