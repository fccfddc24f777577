import { useEffect, useState } from 'react';
import type { Variable } from '../../../shared/model/collection';
import { ask } from '../../state/dialog-store';
import { useEnvironmentsStore } from '../../state/environments-store';
import { deleteEnvironment, readEnvironment, saveEnvironment } from './environment-actions';
import { VariablesEditor } from './VariablesEditor';

/** Edits one environment (or a new one): name and variables, secrets masked. Shown as a modal panel. */
export function EnvironmentEditor(): React.JSX.Element | null {
  const editing = useEnvironmentsStore((s) => s.editing);
  const close = useEnvironmentsStore((s) => s.edit);
  const [name, setName] = useState('');
  const [variables, setVariables] = useState<Variable[]>([]);
  const [isLoading, setLoading] = useState(false);

  useEffect(() => {
    if (editing === undefined) return undefined;
    if (editing.name === undefined) {
      setName('New environment');
      setVariables([]);
      return undefined;
    }
    let isCurrent = true;
    setLoading(true);
    void readEnvironment(editing.collectionId, editing.name).then((env) => {
      if (!isCurrent) return;
      setLoading(false);
      setName(env?.name ?? editing.name ?? '');
      setVariables(env?.variables ?? []);
    });
    return () => {
      isCurrent = false;
    };
  }, [editing]);

  if (editing === undefined) return null;
  const save = async (): Promise<void> => {
    const clean = variables.filter((v) => v.name.trim() !== '');
    if (await saveEnvironment(editing.collectionId, { name: name.trim(), variables: clean }, editing.name)) close(undefined);
  };
  const remove = async (): Promise<void> => {
    if (editing.name === undefined) return;
    const answer = await ask({ title: 'Delete environment', message: `Delete "${editing.name}" and its stored secrets?`, choices: [{ id: 'cancel', label: 'Cancel' }, { id: 'delete', label: 'Delete', isDanger: true }] });
    if (answer.choice !== 'delete') return;
    await deleteEnvironment(editing.collectionId, editing.name);
    close(undefined);
  };
  return (
    <div className="dialog-backdrop">
      <div className="dialog wide" role="dialog" aria-modal="true" aria-labelledby="env-title" data-testid="env-editor" onKeyDown={(e) => e.key === 'Escape' && close(undefined)}>
        <h2 id="env-title">{editing.name === undefined ? 'New environment' : 'Edit environment'}</h2>
        <label className="field">
          <span>Name</span>
          <input value={name} onChange={(e) => setName(e.target.value)} data-testid="env-name" />
        </label>
        {isLoading ? <p className="muted">Loading…</p> : <VariablesEditor variables={variables} onChange={setVariables} />}
        <p className="muted">Secret values are stored encrypted outside the collection folder and never written to its files.</p>
        <div className="dialog-actions">
          {editing.name !== undefined && (
            <button type="button" className="button danger" onClick={() => void remove()} data-testid="env-delete">
              Delete
            </button>
          )}
          <span className="spacer" />
          <button type="button" className="button" onClick={() => close(undefined)} data-testid="env-cancel">
            Cancel
          </button>
          <button type="button" className="button primary" onClick={() => void save()} disabled={name.trim() === ''} data-testid="env-save">
            Save
          </button>
        </div>
      </div>
    </div>
  );
}
