import type { Body, BodyMode } from '../../../shared/model/request';
import { CodeEditor } from '../../components/CodeEditor';
import { KeyValueTable } from '../../components/KeyValueTable';
import { useNoticesStore } from '../../state/notices-store';
import { useTabsStore } from '../../state/tabs-store';
import { formatJson } from '../../workers/format-client';
import { pickFile } from './file-pick';
import { MultipartTable } from './MultipartTable';
import { useDraftField, useDraftUpdater } from './use-draft';

const MODES: ReadonlyArray<{ id: BodyMode; label: string }> = [
  { id: 'none', label: 'None' },
  { id: 'json', label: 'JSON' },
  { id: 'text', label: 'Text' },
  { id: 'xml', label: 'XML' },
  { id: 'form', label: 'Form (urlencoded)' },
  { id: 'multipart', label: 'Multipart' },
  { id: 'binary', label: 'Binary file' },
];

/** Switches body mode, carrying text across the text-like modes so nothing typed is lost. */
export function switchBodyMode(body: Body, mode: BodyMode): Body {
  const text = body.mode === 'json' || body.mode === 'text' || body.mode === 'xml' ? body.text : '';
  switch (mode) {
    case 'none':
      return { mode };
    case 'json':
    case 'xml':
      return { mode, text };
    case 'text':
      return { mode, text };
    case 'form':
      return { mode, fields: body.mode === 'form' ? body.fields : [] };
    case 'multipart':
      return { mode, fields: body.mode === 'multipart' ? body.fields : [] };
    case 'binary':
      return { mode, path: body.mode === 'binary' ? body.path : '' };
  }
}

/** The body editor: mode picker plus CodeMirror for text modes, tables for forms, a file path for binary. */
export function BodyTab({ tabId }: { readonly tabId: string }): React.JSX.Element {
  const body = useDraftField(tabId, 'body') ?? { mode: 'none' };
  const update = useDraftUpdater(tabId);
  const collectionId = useTabsStore((s) => s.tabs[tabId]?.collectionId);
  const setBody = (next: Body): void => update((d) => ({ ...d, body: next }));
  const format = async (text: string): Promise<void> => {
    const out = await formatJson(text);
    if (out.ok) update((d) => (d.body.mode === 'json' ? { ...d, body: { ...d.body, text: out.text } } : d));
    else useNoticesStore.getState().push('error', `Not valid JSON: ${out.error}`);
  };
  return (
    <div className="body-tab">
      <div className="toolbar">
        <label className="field inline">
          <span>Body</span>
          <select aria-label="Body mode" value={body.mode} onChange={(e) => setBody(switchBodyMode(body, e.target.value as BodyMode))} data-testid="body-mode">
            {MODES.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        {body.mode === 'json' && (
          <button type="button" className="button" onClick={() => void format(body.text)} data-testid="body-format">
            Format
          </button>
        )}
        {body.mode === 'text' && (
          <label className="field inline">
            <span>Content-Type</span>
            <input value={body.contentType ?? ''} placeholder="text/plain" onChange={(e) => setBody({ ...body, contentType: e.target.value === '' ? undefined : e.target.value })} />
          </label>
        )}
      </div>
      {(body.mode === 'json' || body.mode === 'text' || body.mode === 'xml') && (
        <div className="body-editor">
          <CodeEditor value={body.text} language={body.mode === 'text' ? 'text' : body.mode} ariaLabel="Request body" onChange={(text) => update((d) => (d.body.mode === body.mode ? { ...d, body: { ...d.body, text } } : d))} testId="body-editor" />
        </div>
      )}
      {body.mode === 'none' && <p className="muted">This request has no body.</p>}
      {body.mode === 'form' && <KeyValueTable rows={body.fields} onChange={(fields) => setBody({ mode: 'form', fields })} namePlaceholder="Field" testId="form-table" />}
      {body.mode === 'multipart' && <MultipartTable fields={body.fields} collectionId={collectionId} onChange={(fields) => setBody({ mode: 'multipart', fields })} />}
      {body.mode === 'binary' && (
        <div className="file-field">
          <input className="kv-input" aria-label="Body file path" placeholder="/path/to/file" value={body.path} onChange={(e) => setBody({ ...body, path: e.target.value })} data-testid="binary-path" />
          <button
            type="button"
            className="button"
            onClick={() =>
              void pickFile('Choose the body file', collectionId).then((path) => {
                if (path !== undefined) setBody({ ...body, path });
              })
            }
          >
            Choose…
          </button>
          <input className="kv-input" aria-label="Content type" placeholder="application/octet-stream" value={body.contentType ?? ''} onChange={(e) => setBody({ ...body, contentType: e.target.value === '' ? undefined : e.target.value })} />
        </div>
      )}
    </div>
  );
}
