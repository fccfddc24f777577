import type { EventChannel, InvokeChannel } from './contract';

/**
 * Runtime allowlists. Type-only imports keep zod out of the preload bundle; the Record type
 * makes a channel missing here a compile error.
 */
export const INVOKE_CHANNELS: Readonly<Record<InvokeChannel, true>> = {
  // http
  'http:send': true,
  'http:cancel': true,
  'http:body': true,
  'http:saveBody': true,
  'http:release': true,
  'vars:resolve': true,
  // collections
  'collection:open': true,
  'collection:create': true,
  'collection:close': true,
  'collection:tree': true,
  'collection:saveSettings': true,
  'collection:list': true,
  'collection:readCertificates': true,
  'collection:saveCertificates': true,
  'request:read': true,
  'request:save': true,
  'request:create': true,
  'folder:create': true,
  'folder:readSettings': true,
  'folder:saveSettings': true,
  'item:rename': true,
  'item:move': true,
  'item:duplicate': true,
  'item:delete': true,
  'folder:reorder': true,
  'env:list': true,
  'env:read': true,
  'env:save': true,
  'env:delete': true,
  'env:setActive': true,
  'import:run': true,
  'import:curl': true,
  'export:curl': true,
  'export:postman': true,
  // history
  'history:list': true,
  'history:clear': true,
  'history:delete': true,
  // runs
  'run:start': true,
  'run:cancel': true,
  'run:result': true,
  'run:results': true,
  'run:report': true,
  'run:history': true,
  'run:compare': true,
  'runConfig:list': true,
  'runConfig:save': true,
  // cookies
  'cookies:list': true,
  'cookies:delete': true,
  'cookies:clear': true,
  'cookies:set': true,
  // files outside collections (consent)
  'files:grantExternal': true,
  'files:revokeExternal': true,
  'files:listExternal': true,
  'files:pick': true,
  // app
  'dialog:openFolder': true,
  'dialog:openFile': true,
  'dialog:saveFile': true,
  'shell:openExternal': true,
  'app:info': true,
  'settings:read': true,
  'settings:write': true,
};

export const EVENT_CHANNELS: Readonly<Record<EventChannel, true>> = {
  'http:chunk': true,
  'collection:changed': true,
  'run:progress': true,
  'cookies:changed': true,
  'app:menu': true,
};

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(INVOKE_CHANNELS, name);
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(EVENT_CHANNELS, name);
}
