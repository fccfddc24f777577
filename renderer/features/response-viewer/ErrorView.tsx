import type { ErrorInfo } from '../../../shared/model/errors';
import { useTabsStore } from '../../state/tabs-store';
import { sendTab } from '../request-editor/request-actions';
import { hintFor } from './error-hints';

/** An error with its kind, message, details and a hint; TLS certificate errors offer "allow insecure for this request". */
export function ErrorView({ tabId, error }: { readonly tabId: string; readonly error: ErrorInfo }): React.JSX.Element {
  const hint = hintFor(error);
  const updateDraft = useTabsStore((s) => s.updateDraft);
  const allowInsecure = (): void => {
    updateDraft(tabId, (d) => ({ ...d, options: { ...d.options, verifyTls: false } }));
    void sendTab(tabId);
  };
  const allowExternalFiles = (): void => {
    updateDraft(tabId, (d) => ({ ...d, options: { ...d.options, allowExternalFiles: true } }));
    void sendTab(tabId);
  };
  const raiseTimeout = (): void => {
    updateDraft(tabId, (d) => ({ ...d, options: { ...d.options, timeouts: { connect: d.options.timeouts.connect * 3, headers: d.options.timeouts.headers * 3, bodyIdle: d.options.timeouts.bodyIdle * 3, total: d.options.timeouts.total * 3 } } }));
    void sendTab(tabId);
  };
  return (
    <div className="error-view" role="alert" data-testid="response-error">
      <p>
        <span className="error-kind" data-testid="error-kind">
          {error.kind}
        </span>{' '}
        <span data-testid="error-message">{error.message}</span>
      </p>
      {error.detail !== undefined && (
        <dl className="error-detail">
          {Object.entries(error.detail).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd className="mono">{Array.isArray(v) ? v.join(', ') : String(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="hint" data-testid="error-hint">
        {hint.text}
      </p>
      {hint.action === 'allow-insecure' && (
        <button type="button" className="button danger" onClick={allowInsecure} data-testid="allow-insecure">
          Allow insecure for this request and resend
        </button>
      )}
      {hint.action === 'allow-external-files' && (
        <button type="button" className="button danger" onClick={allowExternalFiles} data-testid="allow-external-files">
          Allow files outside the collection for this request and resend
        </button>
      )}
      {hint.action === 'raise-timeout' && (
        <button type="button" className="button" onClick={raiseTimeout} data-testid="raise-timeout">
          Triple the timeouts and resend
        </button>
      )}
    </div>
  );
}
