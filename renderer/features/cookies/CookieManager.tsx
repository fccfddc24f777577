import { useShallow } from 'zustand/react/shallow';
import { selectCollectionOrder, useCollectionsStore } from '../../state/collections-store';
import { cookieId, useCookiesStore } from '../../state/cookies-store';
import { clearCookies, refreshCookies } from './cookie-actions';
import { formFromCookie } from './cookie-form';
import { CookieForm } from './CookieForm';
import { CookieList } from './CookieList';
import './cookies.css';

/** Value of the jar picker for the jar of requests outside collections. */
const OUTSIDE = '';

function JarPicker(): React.JSX.Element {
  const order = useCollectionsStore(selectCollectionOrder);
  const names = useCollectionsStore(useShallow((s) => order.map((id) => s.trees[id]?.name ?? id)));
  const scope = useCookiesStore((s) => s.scope);
  const setScope = useCookiesStore((s) => s.setScope);
  return (
    <label className="field inline">
      <span>Jar</span>
      <select
        value={scope.collectionId ?? OUTSIDE}
        onChange={(e) => {
          setScope({ collectionId: e.target.value === OUTSIDE ? undefined : e.target.value });
          void refreshCookies();
        }}
        data-testid="cookie-jar"
      >
        {order.map((id, i) => (
          <option key={id} value={id}>
            {names[i]}
          </option>
        ))}
        <option value={OUTSIDE}>Requests outside collections</option>
      </select>
    </label>
  );
}

/** "Manage cookies": the jar of a collection (or of requests outside collections) by domain; search, add, edit, delete, clear. */
export function CookieManager(): React.JSX.Element | null {
  const isOpen = useCookiesStore((s) => s.isOpen);
  const close = useCookiesStore((s) => s.close);
  const query = useCookiesStore((s) => s.query);
  const setQuery = useCookiesStore((s) => s.setQuery);
  const showValues = useCookiesStore((s) => s.showValues);
  const setShowValues = useCookiesStore((s) => s.setShowValues);
  const editing = useCookiesStore((s) => s.editing);
  const edit = useCookiesStore((s) => s.edit);
  const count = useCookiesStore((s) => s.cookies.length);
  if (!isOpen) return null;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog wide cookie-manager"
        role="dialog"
        aria-modal="true"
        aria-labelledby="cookies-title"
        data-testid="cookie-manager"
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          e.stopPropagation();
          if (editing !== undefined) edit(undefined);
          else close();
        }}
      >
        <h2 id="cookies-title">Cookies</h2>
        <div className="row-actions">
          <JarPicker />
          <input className="search cookie-search" type="search" aria-label="Search cookies" placeholder="Search by name, domain or path" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="cookie-search" />
          <label className="check">
            <input type="checkbox" checked={showValues} onChange={(e) => setShowValues(e.target.checked)} data-testid="cookie-show-values" /> Show values
          </label>
        </div>
        {editing === undefined ? <CookieList /> : <CookieForm key={editing.replaces === undefined ? 'new' : cookieId(editing.replaces)} initial={formFromCookie(editing.initial)} replaces={editing.replaces} />}
        <p className="muted">Cookies are session credentials: they are kept encrypted in the app&apos;s user-data folder, never in the collection folder.</p>
        {editing === undefined && (
          <div className="dialog-actions">
            <button type="button" className="button danger" onClick={() => void clearCookies()} disabled={count === 0} data-testid="cookie-clear">
              Clear all
            </button>
            <span className="spacer" />
            <button type="button" className="button" onClick={() => edit({ replaces: undefined, initial: undefined })} data-testid="cookie-add">
              Add cookie
            </button>
            <button type="button" className="button primary" onClick={close} data-testid="cookie-close">
              Close
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
