import { selectActiveEnv, selectEnvNames, useEnvironmentsStore } from '../../state/environments-store';
import { useCollectionsStore } from '../../state/collections-store';
import { setActiveEnvironment } from './environment-actions';

/** Picks the active environment of the active collection, with edit / new buttons. */
export function EnvironmentSelector(): React.JSX.Element | null {
  const collectionId = useCollectionsStore((s) => s.activeId);
  const names = useEnvironmentsStore(selectEnvNames(collectionId));
  const active = useEnvironmentsStore(selectActiveEnv(collectionId));
  const edit = useEnvironmentsStore((s) => s.edit);
  if (collectionId === undefined) return null;
  return (
    <div className="env-selector">
      <label className="field inline">
        <span>Environment</span>
        <select value={active ?? ''} onChange={(e) => void setActiveEnvironment(collectionId, e.target.value === '' ? undefined : e.target.value)} data-testid="env-select">
          <option value="">No environment</option>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="icon-button" aria-label="Edit environment" title="Edit environment" disabled={active === undefined} onClick={() => edit({ collectionId, name: active })} data-testid="env-edit">
        ✎
      </button>
      <button type="button" className="icon-button" aria-label="New environment" title="New environment" onClick={() => edit({ collectionId, name: undefined })} data-testid="env-new">
        +
      </button>
    </div>
  );
}
