import type { ErrorInfo } from '../../../shared/model/errors';
import { useTabsStore } from '../../state/tabs-store';
import { externalFilesOf, grantExternalFiles } from '../consent/consent-actions';
import { sendTab } from '../request-editor/request-actions';
import { hintFor } from './error-hints';

/** An error with its kind, message, details and a hint; TLS certificate errors offer "allow insecure for this request", files outside the collection "allow these files". */
export function ErrorView({ tabId, error }: { readonly tabId: string; readonly error: ErrorInfo }): React.JSX.Element {
  const hint = hintFor(error);
  const updateDraft = useTabsStore((s) => s.updateDraft);
  const allowInsecure = (): void => {
    updateDraft(tabId, (d) => ({ ...d, options: { ...d.options, verifyTls: false } }));
    void sendTab(tabId);
  };
  const externalFiles = externalFilesOf(error);
  const allowExternalFiles = async (): Promise<void> => {
    // Consent for exactly the listed files, kept by main for the user (never in the request or collection).
    const collectionId = useTabsStore.getState().tabs[tabId]?.collectionId;
    if (await grantExternalFiles(collectionId, externalFiles)) await sendTab(tabId);
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
        <button type="button" className="button danger" onClick={() => void allowExternalFiles()} data-testid="allow-external-files">
          {externalFiles.length === 1 ? 'Allow this file' : `Allow these ${externalFiles.length} files`} and resend
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
