import { z } from 'zod';
import { invoke } from './define';

/** Native dialogs and shell actions; in browser mode they answer `{ canceled: true, unsupported: true }`. */
export const appInvokes = {
  'dialog:openFolder': invoke<{ canceled: boolean; path?: string; unsupported?: boolean }>()(z.object({ title: z.string().max(200).optional() })),
  'dialog:openFile': invoke<{ canceled: boolean; path?: string; unsupported?: boolean }>()(
    z.object({ title: z.string().max(200).optional(), extensions: z.array(z.string().max(16)).max(20).optional() }),
  ),
  'dialog:saveFile': invoke<{ canceled: boolean; path?: string; unsupported?: boolean }>()(z.object({ title: z.string().max(200).optional(), defaultName: z.string().max(255).optional() })),
  /** Opens an http(s) URL in the system browser; anything else is refused. */
  'shell:openExternal': invoke<void>()(z.object({ url: z.string().url().max(8192) })),
  'app:info': invoke<{ version: string; platform: string; mode: 'electron' | 'web'; secretsBackend: string; secretsWarning?: string }>()(z.object({})),
  'settings:read': invoke<Record<string, unknown>>()(z.object({})),
  'settings:write': invoke<void>()(z.object({ settings: z.record(z.string(), z.unknown()) })),
};

/** Main -> renderer: an application-menu command the renderer carries out (the accelerators mirror the keyboard map). */
export interface AppEvents {
  'app:menu': { readonly command: 'open-collection' | 'new-request' | 'save' | 'send' | 'manage-cookies' };
}
