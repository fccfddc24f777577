/** A run of plain text, or one `{{name}}` reference. */
export interface TemplateSegment {
  readonly text: string;
  /** Set for `{{name}}` segments. */
  readonly variable?: string;
}

const TEMPLATE = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** Splits text into plain and `{{variable}}` segments (same grammar as shared/lib/variables). */
export function templateSegments(text: string): TemplateSegment[] {
  const out: TemplateSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(TEMPLATE)) {
    const index = match.index;
    if (index > at) out.push({ text: text.slice(at, index) });
    out.push({ text: match[0], variable: match[1] ?? '' });
    at = index + match[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}
