import type { Variable } from '../../../shared/model/collection';

/** Props: variables to edit (secret values arrive masked and are shown as password fields). */
export interface VariablesEditorProps {
  readonly variables: readonly Variable[];
  readonly onChange: (variables: Variable[]) => void;
}

/** An editable variables table with enabled and secret flags; a trailing empty row adds a variable. */
export function VariablesEditor({ variables, onChange }: VariablesEditorProps): React.JSX.Element {
  const rows: Variable[] = [...variables, { name: '', value: '', enabled: true, secret: false }];
  const set = (i: number, patch: Partial<Variable>): void => {
    const next = variables.map((v) => ({ ...v }));
    if (i === variables.length) next.push({ name: '', value: '', enabled: true, secret: false, ...patch });
    else next[i] = { ...(next[i] ?? { name: '', value: '', enabled: true, secret: false }), ...patch };
    onChange(next);
  };
  return (
    <table className="kv-table" data-testid="env-variables">
      <thead>
        <tr>
          <th className="kv-check" scope="col">
            <span className="sr-only">Enabled</span>
          </th>
          <th scope="col">Variable</th>
          <th scope="col">Value</th>
          <th scope="col">Secret</th>
          <th className="kv-actions" scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((v, i) => {
          const isTrailing = i === variables.length;
          return (
            <tr key={i} className={v.enabled ? '' : 'is-disabled'}>
              <td className="kv-check">{!isTrailing && <input type="checkbox" aria-label={`Enable variable ${i + 1}`} checked={v.enabled} onChange={(e) => set(i, { enabled: e.target.checked })} />}</td>
              <td>
                <input className="kv-input" aria-label={`Variable name ${i + 1}`} placeholder="name" value={v.name} onChange={(e) => set(i, { name: e.target.value })} data-testid={`env-var-name-${i}`} />
              </td>
              <td>
                <input
                  className="kv-input"
                  aria-label={`Variable value ${i + 1}`}
                  placeholder="value"
                  type={v.secret ? 'password' : 'text'}
                  autoComplete="off"
                  value={v.value}
                  onChange={(e) => set(i, { value: e.target.value })}
                  data-testid={`env-var-value-${i}`}
                />
              </td>
              <td className="kv-check">{!isTrailing && <input type="checkbox" aria-label={`Secret variable ${i + 1}`} checked={v.secret} onChange={(e) => set(i, { secret: e.target.checked })} data-testid={`env-var-secret-${i}`} />}</td>
              <td className="kv-actions">
                {!isTrailing && (
                  <button type="button" className="icon-button" aria-label={`Remove variable ${i + 1}`} onClick={() => onChange(variables.filter((_, j) => j !== i))}>
                    ×
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
