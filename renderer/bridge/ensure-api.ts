import type { SalvoApi } from '../../shared/ipc/contract';
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM } from '../../shared/ipc/web-bridge';
import { createBridgeApi } from './bridge-api';
import { takeBridgeToken } from './token';
import { BridgeClient } from './ws-client';

let pending: Promise<SalvoApi> | undefined;

/**
 * The API for this window: `window.salvo` when the Electron preload defined it, otherwise the
 * browser-mode bridge to the page's own host:port, authenticated with the per-launch token from
 * `#token=` (kept in sessionStorage for reloads). Rejects with a readable message when neither works.
 */
export function ensureSalvoApi(): Promise<SalvoApi> {
  pending ??= connect().catch((err: unknown) => {
    // Let a later call retry (e.g. after the user fixes the URL).
    pending = undefined;
    throw err;
  });
  return pending;
}

async function connect(): Promise<SalvoApi> {
  const preload = (window as unknown as { salvo?: SalvoApi }).salvo;
  if (preload !== undefined) return preload;
  const token = takeBridgeToken();
  if (token === undefined) {
    throw new Error('No Salvo API: open the full URL printed by `npm run web` (it ends with #token=...).');
  }
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${scheme}//${window.location.host}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const client = new BridgeClient(url);
  await client.connect();
  return createBridgeApi(client);
}
