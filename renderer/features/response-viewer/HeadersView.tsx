import type { HeaderList } from '../../../shared/model/response';

/** Response headers in received order, as text. */
export function HeadersView({ headers, testId = 'response-headers' }: { readonly headers: HeaderList; readonly testId?: string }): React.JSX.Element {
  return (
    <table className="data-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([name, value], i) => (
          <tr key={i}>
            <td className="mono">{name}</td>
            <td className="mono wrap">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
