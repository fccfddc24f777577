import type { ResponseResult, Timings } from '../../shared/model/response';

/** The body as the CLI prints it: decoded text, or base64 for binary bodies. */
export interface PrintableBody {
  readonly text: string;
  readonly encoding: 'text' | 'base64';
}

/** Decodes a fully read body for printing. */
export function printableBody(result: ResponseResult, bytes: Uint8Array): PrintableBody {
  if (result.isBinary) return { text: Buffer.from(bytes).toString('base64'), encoding: 'base64' };
  let text: string;
  try {
    text = new TextDecoder(result.charset ?? 'utf-8').decode(bytes);
  } catch {
    text = new TextDecoder('utf-8').decode(bytes);
  }
  return { text, encoding: 'text' };
}

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

const ms = (n: number): string => `${n.toFixed(1)} ms`;

/** One line of timing phases. */
export function timingLine(t: Timings, reused: boolean): string {
  const phases = `dns ${ms(t.dns)} · connect ${ms(t.connect)} · tls ${ms(t.tls)} · send ${ms(t.send)} · ttfb ${ms(t.ttfb)} · download ${ms(t.download)} · total ${ms(t.total)}`;
  return reused ? `${phases} (reused connection)` : phases;
}

/** Human output: status line, headers, pretty body, redirect hops and timings. */
export function formatHuman(result: ResponseResult, body: PrintableBody): string {
  const lines: string[] = [];
  for (const hop of result.redirects) lines.push(`→ ${hop.status} ${hop.method} ${hop.url} → ${hop.location}${hop.droppedCredentials ? ' (credentials dropped)' : ''}${hop.downgrade ? ' (https→http downgrade!)' : ''}`);
  if (result.status > 0) {
    lines.push(`HTTP/${result.httpVersion} ${result.status} ${result.statusText}`.trimEnd());
    for (const [name, value] of result.headers) lines.push(`${name}: ${value}`);
    lines.push('');
    if (body.encoding === 'base64') lines.push(`[binary body, ${result.sizes.bodyDecoded} bytes; use --output json for base64]`);
    else if (body.text !== '') lines.push(/json/i.test(result.contentType) ? prettyJson(body.text) : body.text);
    lines.push('');
  }
  lines.push(timingLine(result.timings, result.reusedConnection));
  return `${lines.join('\n')}\n`;
}

/** `--output json`: one object with everything a script needs. */
export function formatJson(result: ResponseResult, body: PrintableBody): string {
  const out = {
    status: result.status,
    statusText: result.statusText,
    httpVersion: result.httpVersion,
    method: result.method,
    url: result.url,
    headers: result.headers.map(([name, value]) => ({ name, value })),
    body: body.text,
    bodyEncoding: body.encoding,
    contentType: result.contentType,
    sizes: result.sizes,
    timings: result.timings,
    reusedConnection: result.reusedConnection,
    remoteAddress: result.remoteAddress,
    redirects: result.redirects,
    incomplete: result.incomplete,
    error: result.error === undefined ? null : { kind: result.error.kind, message: result.error.message, ...(result.error.detail === undefined ? {} : { detail: result.error.detail }) },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
