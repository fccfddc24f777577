import type { KeyValue } from '../../shared/model/request';

/** Props of the editable name/value table (params, headers, form fields, variables). */
export interface KeyValueTableProps {
  readonly rows: readonly KeyValue[];
  readonly onChange: (rows: KeyValue[]) => void;
  readonly namePlaceholder?: string;
  readonly valuePlaceholder?: string;
  /** id of a <datalist> offering name completions. */
  readonly nameListId?: string;
  readonly testId: string;
  /** Mask values (secret variables). */
  readonly isMasked?: (row: KeyValue, index: number) => boolean;
}

/**
 * An editable table with enable/disable per row. There is always one empty trailing row:
 * typing in it appends a new row, so adding needs no button.
 */
export function KeyValueTable({ rows, onChange, namePlaceholder = 'Name', valuePlaceholder = 'Value', nameListId, testId, isMasked }: KeyValueTableProps): React.JSX.Element {
  const shown = [...rows, { name: '', value: '', enabled: true }];
  const update = (index: number, patch: Partial<KeyValue>): void => {
    const next = rows.map((r) => ({ ...r }));
    if (index === rows.length) next.push({ name: '', value: '', enabled: true, ...patch });
    else next[index] = { ...(next[index] ?? { name: '', value: '', enabled: true }), ...patch };
    onChange(next);
  };
  const remove = (index: number): void => onChange(rows.filter((_, i) => i !== index));
  return (
    <table className="kv-table" data-testid={testId}>
      <thead>
        <tr>
          <th className="kv-check" scope="col">
            <span className="sr-only">Enabled</span>
          </th>
          <th scope="col">{namePlaceholder}</th>
          <th scope="col">{valuePlaceholder}</th>
          <th className="kv-actions" scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row, i) => {
          const isTrailing = i === rows.length;
          return (
            <tr key={i} className={row.enabled ? '' : 'is-disabled'} data-testid={`${testId}-row-${i}`}>
              <td className="kv-check">
                {!isTrailing && <input type="checkbox" aria-label={`Enable row ${i + 1}`} checked={row.enabled} onChange={(e) => update(i, { enabled: e.target.checked })} data-testid={`${testId}-enabled-${i}`} />}
              </td>
              <td>
                <input
                  className="kv-input"
                  aria-label={`${namePlaceholder} ${i + 1}`}
                  placeholder={namePlaceholder}
                  value={row.name}
                  list={nameListId}
                  onChange={(e) => update(i, { name: e.target.value })}
                  data-testid={`${testId}-name-${i}`}
                />
              </td>
              <td>
                <input
                  className="kv-input"
                  aria-label={`${valuePlaceholder} ${i + 1}`}
                  placeholder={valuePlaceholder}
                  type={!isTrailing && isMasked?.(row, i) === true ? 'password' : 'text'}
                  value={row.value}
                  onChange={(e) => update(i, { value: e.target.value })}
                  data-testid={`${testId}-value-${i}`}
                />
              </td>
              <td className="kv-actions">
                {!isTrailing && (
                  <button type="button" className="icon-button" aria-label={`Remove row ${i + 1}`} onClick={() => remove(i)} data-testid={`${testId}-remove-${i}`}>
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
