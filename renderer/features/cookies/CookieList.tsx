import { useMemo } from 'react';
import type { CookieInfo } from '../../../shared/model/cookie';
import { cookieId, groupByDomain, useCookiesStore } from '../../state/cookies-store';
import { deleteCookie } from './cookie-actions';
import { expiryLabel } from './cookie-form';

const MASK = '••••••';

function flags(c: CookieInfo): string {
  const out: string[] = [];
  if (c.secure) out.push('Secure');
  if (c.httpOnly) out.push('HttpOnly');
  if (c.sameSite !== undefined) out.push(`SameSite=${c.sameSite[0]?.toUpperCase() ?? ''}${c.sameSite.slice(1)}`);
  if (!c.hostOnly) out.push('subdomains');
  return out.join(' · ');
}

/** The jar's cookies grouped by domain, filtered by the search; values masked unless shown. */
export function CookieList(): React.JSX.Element {
  const cookies = useCookiesStore((s) => s.cookies);
  const query = useCookiesStore((s) => s.query);
  const showValues = useCookiesStore((s) => s.showValues);
  const isLoading = useCookiesStore((s) => s.isLoading);
  const edit = useCookiesStore((s) => s.edit);
  const groups = useMemo(() => groupByDomain(cookies, query), [cookies, query]);
  if (groups.length === 0) return <p className="muted" data-testid="cookies-empty">{isLoading ? 'Loading…' : cookies.length === 0 ? 'No cookies in this jar.' : 'No cookie matches the search.'}</p>;
  return (
    <div className="cookie-list" data-testid="cookie-list">
      {groups.map((g) => (
        <section key={g.domain} className="cookie-domain" aria-label={g.domain} data-testid="cookie-domain">
          <h3>
            {g.domain} <span className="muted">({g.cookies.length})</span>
          </h3>
          <table className="kv-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Value</th>
                <th scope="col">Path</th>
                <th scope="col">Expires</th>
                <th scope="col">Flags</th>
                <th className="kv-actions" scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {g.cookies.map((c) => (
                <tr key={cookieId(c)} data-testid="cookie-row" data-cookie={cookieId(c)}>
                  <td className="cookie-name">{c.name}</td>
                  <td className="cookie-value" data-testid="cookie-row-value">
                    {showValues ? c.value : MASK}
                  </td>
                  <td>{c.path}</td>
                  <td>{expiryLabel(c.expires)}</td>
                  <td className="muted">{flags(c)}</td>
                  <td className="kv-actions">
                    <button type="button" className="icon-button" aria-label={`Edit cookie ${c.name} of ${c.domain}`} onClick={() => edit({ replaces: { name: c.name, domain: c.domain, path: c.path }, initial: c })} data-testid="cookie-edit">
                      ✎
                    </button>
                    <button type="button" className="icon-button" aria-label={`Delete cookie ${c.name} of ${c.domain}`} onClick={() => void deleteCookie({ name: c.name, domain: c.domain, path: c.path })} data-testid="cookie-delete">
                      ×
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
