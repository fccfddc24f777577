import { useMemo } from 'react';
import { buildPreviewDoc } from './preview-doc';

/**
 * Renders an HTML body as data: an iframe with an empty sandbox (no scripts, no same-origin, no
 * popups, no top navigation, no forms) and a CSP that forbids scripts and every network load.
 */
export function HtmlPreview({ html }: { readonly html: string }): React.JSX.Element {
  const srcDoc = useMemo(() => buildPreviewDoc(html), [html]);
  return <iframe className="html-preview" title="HTML preview" sandbox="" referrerPolicy="no-referrer" srcDoc={srcDoc} data-testid="preview-frame" />;
}
