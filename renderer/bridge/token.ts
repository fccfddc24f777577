/** sessionStorage key: the token survives a reload of this tab but no other tab or origin sees it. */
const STORAGE_KEY = 'salvo.bridgeToken';

/**
 * Takes the per-launch token from the URL fragment (`#token=...`, never sent to the server in
 * page requests), removes it from the address bar and history, and keeps it in sessionStorage
 * so a reload of the tab still works. Returns undefined when there is none.
 */
export function takeBridgeToken(loc: Location = window.location, hist: History = window.history, storage: Storage = window.sessionStorage): string | undefined {
  const fragment = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const fromUrl = fragment.get('token');
  if (fromUrl !== null && fromUrl !== '') {
    fragment.delete('token');
    const rest = fragment.toString();
    hist.replaceState(hist.state, '', `${loc.pathname}${loc.search}${rest === '' ? '' : `#${rest}`}`);
    try {
      storage.setItem(STORAGE_KEY, fromUrl);
    } catch {
      /* storage disabled: the token still works until the tab reloads */
    }
    return fromUrl;
  }
  try {
    return storage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
