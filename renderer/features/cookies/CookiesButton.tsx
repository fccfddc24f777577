import { openCookieManager } from './cookie-actions';

/** The top bar's "Cookies" button: opens the manager on the active collection's jar. */
export function CookiesButton(): React.JSX.Element {
  return (
    <button type="button" className="button" onClick={openCookieManager} title="Manage cookies" data-testid="cookies-open">
      Cookies
    </button>
  );
}
