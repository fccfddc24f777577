import { formatBytes, formatMs, statusClass } from '../../lib/format';
import type { ResponseMeta } from '../../state/responses-store';

/** Status (coloured by class), time, size and flags of a response. */
export function ResponseSummary({ meta }: { readonly meta: ResponseMeta }): React.JSX.Element {
  const cls = statusClass(meta.status);
  return (
    <div className="response-summary" data-testid="response-summary">
      <span className={`status-pill status-${cls}`} data-testid="response-status" data-status-class={cls}>
        {meta.status === 0 ? 'No response' : `${meta.status} ${meta.statusText}`}
      </span>
      <span title="Total time" data-testid="response-time">
        {formatMs(meta.timings.total)}
      </span>
      <span title={`${meta.sizes.bodyWire} bytes on the wire, ${meta.sizes.bodyDecoded} decoded`} data-testid="response-size">
        {formatBytes(meta.bodyBytes)}
      </span>
      {meta.status !== 0 && <span className="muted">HTTP/{meta.httpVersion}</span>}
      {meta.incomplete && (
        <span className="flag danger" data-testid="response-incomplete">
          incomplete body
        </span>
      )}
      {meta.spilledToFile && <span className="flag warn">kept on disk</span>}
      {meta.redirects.length > 0 && <span className="flag">{meta.redirects.length} redirect(s)</span>}
    </div>
  );
}
