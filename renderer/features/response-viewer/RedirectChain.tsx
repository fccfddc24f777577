import type { RedirectHop } from '../../../shared/model/response';

/** The hops Salvo followed, with credential and downgrade flags. */
export function RedirectChain({ hops, finalUrl, finalStatus }: { readonly hops: readonly RedirectHop[]; readonly finalUrl: string; readonly finalStatus: number }): React.JSX.Element {
  if (hops.length === 0) return <p className="muted" data-testid="redirect-chain">No redirects.</p>;
  return (
    <ol className="redirect-chain" data-testid="redirect-chain">
      {hops.map((h, i) => (
        <li key={i}>
          <span className="status-pill status-3xx">{h.status}</span> <span className="mono">{h.method}</span> <span className="mono wrap">{h.url}</span>
          <span className="muted"> → {h.location}</span>
          {h.droppedCredentials && <span className="flag warn">credentials dropped (cross-origin)</span>}
          {h.downgrade && <span className="flag danger">https → http downgrade</span>}
        </li>
      ))}
      <li>
        <span className="status-pill">{finalStatus}</span> <span className="mono wrap">{finalUrl}</span>
      </li>
    </ol>
  );
}
