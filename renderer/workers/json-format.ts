/** A request to the formatting worker. */
export interface FormatRequest {
  readonly id: number;
  readonly text: string;
  readonly indent: number;
}

/** The worker's answer: formatted text, or the parse error. */
export type FormatResponse = { readonly id: number; readonly ok: true; readonly text: string; readonly isJson: true } | { readonly id: number; readonly ok: false; readonly error: string };

/** Parses and re-indents JSON; shared by the worker and the small-input path. */
export function formatJsonText(request: FormatRequest): FormatResponse {
  try {
    return { id: request.id, ok: true, text: JSON.stringify(JSON.parse(request.text), null, request.indent), isJson: true };
  } catch (err) {
    return { id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
