import type { HeaderList } from '../../../shared/model/response';
import { cookiesFromHeaders } from '../../lib/set-cookie';

/** Cookies set by the response (parsed Set-Cookie headers). */
export function CookiesView({ headers }: { readonly headers: HeaderList }): React.JSX.Element {
  const cookies = cookiesFromHeaders(headers);
  if (cookies.length === 0) return <p className="muted" data-testid="response-cookies">No cookies set by this response.</p>;
  return (
    <table className="data-table" data-testid="response-cookies">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
          <th scope="col">Domain</th>
          <th scope="col">Path</th>
          <th scope="col">Expires / Max-Age</th>
          <th scope="col">Flags</th>
        </tr>
      </thead>
      <tbody>
        {cookies.map((c, i) => (
          <tr key={i}>
            <td className="mono">{c.name}</td>
            <td className="mono wrap">{c.value}</td>
            <td>{c.domain}</td>
            <td>{c.path}</td>
            <td>{c.maxAge !== '' ? `${c.maxAge} s` : c.expires}</td>
            <td>{[c.httpOnly ? 'HttpOnly' : '', c.secure ? 'Secure' : '', c.sameSite !== '' ? `SameSite=${c.sameSite}` : ''].filter(Boolean).join(' ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
