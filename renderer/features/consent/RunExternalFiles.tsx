import { useEffect, useState } from 'react';
import type { SalvoApi } from '../../../shared/ipc/contract';
import { useEnvironmentsStore } from '../../state/environments-store';

/**
 * Under a finished run with failures: the files outside the collection that were refused for want
 * of the user's consent (this run's, and any refused since the app started), with one action to
 * allow exactly those and re-run the failed requests.
 */
export function RunExternalFiles({ api, collectionId, runId, onAllowed }: { readonly api: SalvoApi; readonly collectionId: string; readonly runId: string; readonly onAllowed: () => void }): React.JSX.Element | null {
  const [refused, setRefused] = useState<readonly string[]>([]);
  const [message, setMessage] = useState<string | undefined>(undefined);
  useEffect(() => {
    let isCurrent = true;
    void api.invoke['files:listExternal']({ collectionId }).then((r) => {
      if (isCurrent && r.ok) setRefused(r.value.refused);
    });
    return () => {
      isCurrent = false;
    };
  }, [api, collectionId, runId]);
  if (refused.length === 0) return null;
  const allow = async (): Promise<void> => {
    const environment = useEnvironmentsStore.getState().active[collectionId];
    const result = await api.invoke['files:grantExternal']({ collectionId, paths: [...refused], ...(environment === undefined ? {} : { environment }) });
    if (!result.ok) return setMessage(result.error.message);
    setRefused(result.value.refused);
    onAllowed();
  };
  return (
    <div className="run-external-files" role="group" aria-label="Files outside the collection" data-testid="run-external-files">
      <span>
        {refused.length === 1 ? 'A file outside the collection was' : `${refused.length} files outside the collection were`} not read (your consent is needed, kept on this computer):{' '}
        <span className="mono">{refused.join(', ')}</span>
      </span>
      <button type="button" className="button danger" onClick={() => void allow()} data-testid="run-allow-external-files">
        Allow {refused.length === 1 ? 'it' : 'them'} and re-run failed
      </button>
      {message !== undefined && <span role="status">{message}</span>}
    </div>
  );
}
