import { useState } from 'react';
import { CodeEditor } from '../../components/CodeEditor';
import { formatBytes } from '../../lib/format';
import type { BodyInfo, ResponseMeta } from '../../state/responses-store';
import { copyBody, loadFullBody, MAX_VIEW_BYTES, saveBodyToFile } from './body-actions';
import { HtmlPreview } from './HtmlPreview';
import { languageOf, previewKind, utf8ToBase64 } from './preview-doc';
import { useBodyText, usePrettyJson } from './use-body-text';

type Mode = 'pretty' | 'raw' | 'preview';

/** Props: the response meta (undefined while streaming) and its body info. */
export interface BodyViewProps {
  readonly requestId: string;
  readonly meta: ResponseMeta | undefined;
  readonly body: BodyInfo;
}

function ImagePreview({ contentType, base64 }: { contentType: string; base64: string }): React.JSX.Element {
  return (
    <div className="image-preview">
      <img src={`data:${contentType.split(';')[0] ?? 'application/octet-stream'};base64,${base64}`} alt="Response body" data-testid="preview-image" />
    </div>
  );
}

function Preview({ meta, text, encoding }: { meta: ResponseMeta; text: string; encoding: 'text' | 'base64' }): React.JSX.Element {
  const kind = previewKind(meta.contentType);
  switch (kind) {
    case 'html':
      return <HtmlPreview html={encoding === 'text' ? text : ''} />;
    case 'svg':
      // SVG is shown through <img>: its scripts never run and it cannot load anything.
      return <ImagePreview contentType="image/svg+xml" base64={encoding === 'base64' ? text : utf8ToBase64(text)} />;
    case 'image':
      return encoding === 'base64' ? <ImagePreview contentType={meta.contentType} base64={text} /> : <p className="muted">This image arrived as text and cannot be shown.</p>;
    case 'none':
      return <p className="muted">No preview for {meta.contentType === '' ? 'this content type' : meta.contentType}.</p>;
  }
}

/** The response body: pretty (read-only CodeMirror with folding and search), raw and preview, plus truncation controls. */
export function BodyView({ requestId, meta, body }: BodyViewProps): React.JSX.Element {
  const [mode, setMode] = useState<Mode>('pretty');
  const text = useBodyText(requestId, body.version);
  const contentType = meta?.contentType ?? '';
  const isBinary = body.encoding === 'base64';
  const language = languageOf(contentType);
  const [jsonPath, setJsonPath] = useState('');
  const pretty = usePrettyJson(mode === 'pretty' && !isBinary ? text : '', language === 'json' && mode === 'pretty', jsonPath);
  const hasPreview = meta !== undefined && previewKind(contentType) !== 'none';
  return (
    <div className="body-view">
      <div className="toolbar" role="group" aria-label="Body view">
        {(['pretty', 'raw', 'preview'] as const).map((m) => (
          <button key={m} type="button" className={m === mode ? 'seg is-active' : 'seg'} aria-pressed={m === mode} onClick={() => setMode(m)} disabled={m === 'preview' && !hasPreview} data-testid={`body-mode-${m}`}>
            {m === 'pretty' ? 'Pretty' : m === 'raw' ? 'Raw' : 'Preview'}
          </button>
        ))}
        {language === 'json' && mode === 'pretty' && meta !== undefined && (
          <input
            className="jsonpath-filter"
            type="search"
            aria-label="JSONPath filter"
            aria-invalid={pretty.error !== undefined}
            title={pretty.error ?? 'Filter the body with JSONPath, e.g. $.items[*].name'}
            placeholder="$.items[*].name"
            value={jsonPath}
            onChange={(e) => setJsonPath(e.target.value)}
            data-testid="body-jsonpath"
          />
        )}
        <span className="spacer" />
        {pretty.error !== undefined && (
          <span className="flag danger" data-testid="body-jsonpath-error">
            {pretty.error}
          </span>
        )}
        {pretty.isFormatting && <span className="muted">formatting…</span>}
        <button type="button" className="button" onClick={() => void copyBody(requestId)} data-testid="body-copy">
          Copy
        </button>
        {meta !== undefined && (
          <button type="button" className="button" onClick={() => void saveBodyToFile(requestId, 'response-body')} data-testid="body-save">
            Save to file
          </button>
        )}
      </div>
      {meta !== undefined && body.truncated && (
        <div className="banner" role="status" data-testid="body-truncated">
          Showing {formatBytes(body.bytes)} of {formatBytes(meta.bodyBytes)} — truncated.
          <button type="button" className="button" disabled={body.isLoadingMore} onClick={() => void loadFullBody(requestId)} data-testid="body-show-all">
            {body.isLoadingMore ? 'Loading…' : meta.bodyBytes > MAX_VIEW_BYTES ? `Show first ${formatBytes(MAX_VIEW_BYTES)}` : 'Show all'}
          </button>
          <button type="button" className="button" onClick={() => void saveBodyToFile(requestId, 'response-body')}>
            Save to file
          </button>
        </div>
      )}
      <div className="body-content">
        {mode === 'preview' && meta !== undefined ? (
          <Preview meta={meta} text={text} encoding={body.encoding} />
        ) : isBinary ? (
          <p className="muted" data-testid="body-binary">
            Binary body ({formatBytes(meta?.bodyBytes ?? body.bytes)}). Use Preview for images, or save it to a file.
          </p>
        ) : meta === undefined ? (
          // While streaming: plain text, cheap to re-render every frame (a code editor re-measures long lines).
          <pre className="stream-view" data-testid="body-stream">
            {text}
          </pre>
        ) : mode === 'pretty' && pretty.isFormatting ? (
          // Never lay out the unformatted (often single-line) text just to replace it a moment later.
          <p className="muted" data-testid="body-formatting">
            Formatting…
          </p>
        ) : mode === 'pretty' ? (
          <CodeEditor value={pretty.text} language={language} isReadOnly ariaLabel="Response body (pretty)" testId="body-pretty" />
        ) : (
          <CodeEditor value={text} language="text" isReadOnly ariaLabel="Response body (raw)" testId="body-raw" />
        )}
      </div>
    </div>
  );
}
