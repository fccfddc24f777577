import type { MultipartField } from '../../../shared/model/request';
import { pickFile } from './file-pick';

/** Props: multipart fields and where to report edits. */
export interface MultipartTableProps {
  readonly fields: readonly MultipartField[];
  readonly onChange: (fields: MultipartField[]) => void;
  /** The tab's collection (a picked file outside it is allowed for it); undefined outside collections. */
  readonly collectionId?: string | undefined;
}

/** Multipart form fields: text or file rows; file rows have a picker and an editable path (the browser-mode fallback). */
export function MultipartTable({ fields, onChange, collectionId }: MultipartTableProps): React.JSX.Element {
  const set = (i: number, field: MultipartField): void => onChange(fields.map((f, j) => (j === i ? field : f)));
  const choose = async (i: number, field: MultipartField & { kind: 'file' }): Promise<void> => {
    const path = await pickFile('Choose a file to upload', collectionId);
    if (path !== undefined) set(i, { ...field, path });
  };
  return (
    <div className="multipart" data-testid="multipart-table">
      <table className="kv-table">
        <thead>
          <tr>
            <th className="kv-check" scope="col">
              <span className="sr-only">Enabled</span>
            </th>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Value or file path</th>
            <th className="kv-actions" scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f, i) => (
            <tr key={i} className={f.enabled ? '' : 'is-disabled'}>
              <td className="kv-check">
                <input type="checkbox" aria-label={`Enable field ${i + 1}`} checked={f.enabled} onChange={(e) => set(i, { ...f, enabled: e.target.checked })} />
              </td>
              <td>
                <input className="kv-input" aria-label={`Field name ${i + 1}`} value={f.name} onChange={(e) => set(i, { ...f, name: e.target.value })} />
              </td>
              <td>
                <select
                  aria-label={`Field kind ${i + 1}`}
                  value={f.kind}
                  onChange={(e) => set(i, e.target.value === 'file' ? { kind: 'file', name: f.name, path: '', enabled: f.enabled } : { kind: 'text', name: f.name, value: '', enabled: f.enabled })}
                >
                  <option value="text">Text</option>
                  <option value="file">File</option>
                </select>
              </td>
              <td>
                {f.kind === 'text' ? (
                  <input className="kv-input" aria-label={`Field value ${i + 1}`} value={f.value} onChange={(e) => set(i, { ...f, value: e.target.value })} />
                ) : (
                  <span className="file-field">
                    <input className="kv-input" aria-label={`File path ${i + 1}`} placeholder="/path/to/file" value={f.path} onChange={(e) => set(i, { ...f, path: e.target.value })} />
                    <button type="button" className="button" onClick={() => void choose(i, f)}>
                      Choose…
                    </button>
                  </span>
                )}
              </td>
              <td className="kv-actions">
                <button type="button" className="icon-button" aria-label={`Remove field ${i + 1}`} onClick={() => onChange(fields.filter((_, j) => j !== i))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row-actions">
        <button type="button" className="button" onClick={() => onChange([...fields, { kind: 'text', name: '', value: '', enabled: true }])} data-testid="multipart-add-text">
          Add text field
        </button>
        <button type="button" className="button" onClick={() => onChange([...fields, { kind: 'file', name: '', path: '', enabled: true }])} data-testid="multipart-add-file">
          Add file field
        </button>
      </div>
    </div>
  );
}
