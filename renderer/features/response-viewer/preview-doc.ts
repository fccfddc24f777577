/**
 * The CSP put in front of every previewed HTML body: no scripts, no network, no forms, no frames,
 * inline styles and data: images only. The iframe's empty `sandbox` already blocks scripts; this is the second wall.
 */
export const PREVIEW_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; form-action 'none'; frame-src 'none'; base-uri 'none'";

/**
 * Builds the `srcdoc` for a previewed HTML body. The CSP meta goes first so it governs everything
 * after it; no `<base href>` is ever added, so relative URLs resolve to about:srcdoc and load nothing.
 */
export function buildPreviewDoc(html: string): string {
  return `<!doctype html><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}"><meta name="referrer" content="no-referrer">${html}`;
}

/** What kind of preview a content type gets. */
export type PreviewKind = 'html' | 'image' | 'svg' | 'none';

/** Picks the preview for a content type (SVG is shown as an image, never inlined as markup). */
export function previewKind(contentType: string): PreviewKind {
  const ct = contentType.toLowerCase().split(';')[0]?.trim() ?? '';
  if (ct === 'image/svg+xml') return 'svg';
  if (ct.startsWith('image/')) return 'image';
  if (ct === 'text/html' || ct === 'application/xhtml+xml') return 'html';
  return 'none';
}

/** The CodeMirror language for a content type. */
export function languageOf(contentType: string): 'json' | 'xml' | 'html' | 'text' {
  const ct = contentType.toLowerCase();
  if (ct.includes('json')) return 'json';
  if (ct.includes('html')) return 'html';
  if (ct.includes('xml') || ct.includes('svg')) return 'xml';
  return 'text';
}

/** Base64-encodes a UTF-8 string (for SVG bodies that arrived as text). */
export function utf8ToBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
