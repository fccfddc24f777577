import type { ImportFormat } from '../../shared/ipc/collections';
import { SalvoError } from '../../shared/model/errors';
import { parseCurl } from './curl';
import { importInsomnia, isInsomnia } from './insomnia';
import { emptyFolder, makeReport, Unmapped } from './model';
import type { ImportedCollection, ImportResult } from './model';
import { importOpenApi, isOpenApi } from './openapi';
import { parseInput } from './parse-input';
import { importPostman, isPostman } from './postman';

/** Guesses the format of an import; undefined when it is none we know. */
export function detectFormat(text: string): ImportFormat | undefined {
  const head = text.trimStart();
  if (/^(\$\s+)?curl(\.exe)?\s/i.test(head)) return 'curl';
  let value: unknown;
  try {
    value = parseInput(text).value;
  } catch {
    return undefined;
  }
  if (isPostman(value)) return 'postman';
  if (isInsomnia(value)) return 'insomnia';
  if (isOpenApi(value)) return 'openapi';
  return undefined;
}

function fromCurl(text: string): ImportResult {
  const { request, unmapped } = parseCurl(text);
  const u = new Unmapped();
  for (const item of unmapped) u.add(item.where, item.what);
  const collection: ImportedCollection = { ...emptyFolder('cURL import'), auth: { type: 'none' }, environments: [], items: [{ kind: 'request', request }] };
  return { collection, report: makeReport('curl', collection, u) };
}

/** Imports text in a given or detected format into a collection model with its report. */
export function importText(text: string, format?: ImportFormat): ImportResult {
  const fmt = format ?? detectFormat(text);
  if (fmt === undefined) throw new SalvoError('invalid-input', 'unrecognised input: expected a Postman v2.x collection, an Insomnia v4 export, an OpenAPI 3 document or a curl command');
  if (fmt === 'curl') return fromCurl(text);
  const { value, droppedKeys } = parseInput(text);
  const result = fmt === 'postman' ? importPostman(value) : fmt === 'insomnia' ? importInsomnia(value) : importOpenApi(value);
  if (droppedKeys === 0) return result;
  const unmapped = [...result.report.unmapped, { where: 'document', what: `${droppedKeys} __proto__/constructor/prototype key(s) dropped` }];
  return { ...result, report: { ...result.report, unmapped } };
}

export type { ImportResult } from './model';
