import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../../shared/ipc/contract';
import { SalvoError } from '../../shared/model/errors';
import { writeFileAtomic } from '../fs/atomic-write';
import type { AppContext, NativeBridge } from './context';

type AppChannels = 'dialog:openFolder' | 'dialog:openFile' | 'dialog:saveFile' | 'shell:openExternal' | 'app:info' | 'settings:read' | 'settings:write';

const MAX_SETTINGS_BYTES = 256 * 1024;

/** Dialogs, external links, app facts and persisted UI settings. */
export function createAppHandlers(ctx: AppContext, native: NativeBridge, version: string): Pick<Handlers, AppChannels> {
  const settingsFile = join(ctx.userDataDir, 'settings.json');
  return {
    'dialog:openFolder': (arg) => native.openFolder(arg.title),
    'dialog:openFile': (arg) => native.openFile(arg.title, arg.extensions),
    'dialog:saveFile': (arg) => native.saveFile(arg.title, arg.defaultName),
    'shell:openExternal': async (arg) => {
      const url = new URL(arg.url);
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SalvoError('invalid-input', `refusing to open ${url.protocol} links`);
      await native.openExternal(url.href);
    },
    'app:info': () => {
      const secrets = ctx.secrets.describe();
      return Promise.resolve({
        version,
        platform: process.platform,
        mode: ctx.mode === 'electron' ? 'electron' : 'web',
        secretsBackend: secrets.backend,
        ...(secrets.warning === undefined ? {} : { secretsWarning: secrets.warning }),
      });
    },
    'settings:read': async () => {
      try {
        const parsed: unknown = JSON.parse(await readFile(settingsFile, 'utf8'));
        return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
      } catch {
        // Missing or corrupt settings fall back to defaults; the UI rewrites them on the next change.
        return {};
      }
    },
    'settings:write': async (arg) => {
      const text = JSON.stringify(arg.settings, null, 2);
      if (text.length > MAX_SETTINGS_BYTES) throw new SalvoError('invalid-input', 'settings are too large');
      await writeFileAtomic(settingsFile, text + '\n');
    },
  };
}
