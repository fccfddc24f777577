import { useCallback, useEffect, useState } from 'react';
import type { ExternalFilesView } from '../../../shared/ipc/files';
import { grantExternalFiles, listExternalFiles, revokeExternalFiles } from './consent-actions';

/**
 * The user's consent for files outside a collection (none: requests outside collections): the files
 * allowed on this computer, each with Withdraw, and those refused since the app started, each with
 * Allow. The consent is kept in the app's user-data folder, never in the collection.
 */
export function ExternalFilesPanel({ collectionId }: { readonly collectionId: string | undefined }): React.JSX.Element {
  const [view, setView] = useState<ExternalFilesView | undefined>(undefined);
  const refresh = useCallback(async (): Promise<void> => {
    setView(await listExternalFiles(collectionId));
  }, [collectionId]);
  useEffect(() => {
    let isCurrent = true;
    void listExternalFiles(collectionId).then((v) => isCurrent && setView(v));
    return () => {
      isCurrent = false;
    };
  }, [collectionId]);
  const allow = async (path: string): Promise<void> => {
    if (await grantExternalFiles(collectionId, [path])) await refresh();
  };
  const withdraw = async (path: string): Promise<void> => {
    const next = await revokeExternalFiles(collectionId, [path]);
    if (next !== undefined) setView(next);
  };
  const where = collectionId === undefined ? 'for requests outside collections' : 'for this collection';
  return (
    <div className="external-files" data-testid="external-files">
      <p className="muted">
        {collectionId === undefined ? 'Body files' : 'Body and certificate files outside the collection folder'} are read only with your consent, kept on this computer and never in the collection. Choosing a file with the file picker allows it.
      </p>
      {view !== undefined && view.granted.length === 0 && view.refused.length === 0 && <p className="muted">No files allowed {where}.</p>}
      {view !== undefined && (view.granted.length > 0 || view.refused.length > 0) && (
        <ul className="external-files-list">
          {view.granted.map((p) => (
            <li key={`g:${p}`} data-testid="external-file-granted">
              <span className="mono">{p}</span> <span className="muted">allowed</span>{' '}
              <button type="button" className="button" onClick={() => void withdraw(p)} aria-label={`Withdraw consent for ${p}`}>
                Withdraw
              </button>
            </li>
          ))}
          {view.refused.map((p) => (
            <li key={`r:${p}`} data-testid="external-file-refused">
              <span className="mono">{p}</span> <span className="muted">refused (not allowed)</span>{' '}
              <button type="button" className="button danger" onClick={() => void allow(p)} aria-label={`Allow ${p}`}>
                Allow
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
