import { render, screen } from '@testing-library/react';
import { HtmlPreview } from '../../../renderer/features/response-viewer/HtmlPreview';
import { buildPreviewDoc, PREVIEW_CSP, previewKind } from '../../../renderer/features/response-viewer/preview-doc';

const hostile = `<base href="http://evil.test/"><script>top.postMessage('x','*');window.open('http://evil.test')</script>
<img src="http://127.0.0.1:1/canary" onerror="fetch('http://127.0.0.1:1/x')"><meta http-equiv="refresh" content="0;url=http://evil.test">
<a href="http://evil.test" target="_blank">click</a><form action="http://evil.test"><button>go</button></form>`;

describe('HTML preview', () => {
  it('renders in an iframe with an empty sandbox: no scripts, no same-origin, no popups or top navigation', () => {
    render(<HtmlPreview html={hostile} />);
    const frame = screen.getByTestId('preview-frame') as HTMLIFrameElement;
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('sandbox')).toBe('');
    const tokens = (frame.getAttribute('sandbox') ?? '').split(/\s+/).filter(Boolean);
    expect(tokens).toEqual([]);
    expect(frame.hasAttribute('src')).toBe(false);
    expect(frame.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('puts a CSP meta that forbids scripts and all network before the body, and adds no <base>', () => {
    render(<HtmlPreview html={hostile} />);
    const doc = (screen.getByTestId('preview-frame') as HTMLIFrameElement).getAttribute('srcdoc') ?? '';
    expect(doc.startsWith(`<!doctype html><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`)).toBe(true);
    expect(PREVIEW_CSP).toContain("default-src 'none'");
    expect(PREVIEW_CSP).not.toMatch(/script-src|'unsafe-eval'|http:|https:|\*/);
    // The only <base> in the document is the body's own, after our CSP (which sets base-uri 'none').
    expect(doc.indexOf('<base')).toBeGreaterThan(doc.indexOf('Content-Security-Policy'));
    expect(PREVIEW_CSP).toContain("base-uri 'none'");
    expect(buildPreviewDoc('<p>x</p>').match(/<base/g)).toBeNull();
  });

  it('treats SVG as an image and only HTML types as documents', () => {
    expect(previewKind('image/svg+xml; charset=utf-8')).toBe('svg');
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('text/html; charset=utf-8')).toBe('html');
    expect(previewKind('application/json')).toBe('none');
    expect(previewKind('text/plain')).toBe('none');
  });
});
