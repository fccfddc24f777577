import type { EventMap } from '../../shared/ipc/contract';
import { api, errorInfoOf } from '../api/client';
import { openCollection } from '../features/collections/collection-actions';
import { openCookieManager } from '../features/cookies/cookie-actions';
import { noticeError } from '../state/notices-store';
import { runShortcut } from './use-keymap';

/** Runs a command chosen in the native menu (Electron only; browser mode never sends `app:menu`). */
export async function runMenuCommand(event: EventMap['app:menu']): Promise<void> {
  switch (event.command) {
    case 'open-collection': {
      try {
        const out = await api().call('dialog:openFolder', { title: 'Open collection folder' });
        if (!out.canceled && out.path !== undefined) await openCollection(out.path);
      } catch (err) {
        noticeError(errorInfoOf(err));
      }
      return;
    }
    case 'new-request':
      runShortcut('new-request');
      return;
    case 'save':
      runShortcut('save');
      return;
    case 'send':
      runShortcut('send');
      return;
    case 'manage-cookies':
      openCookieManager();
      return;
  }
}
