import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import { SalvoError } from '../../shared/model/errors';

/** One data row: its fields become `data` variables for that pass. */
export type DataRow = ReadonlyMap<string, string>;

const MAX_DATA_BYTES = 64 * 1024 * 1024;
const MAX_ROWS = 1_000_000;

/** Reads a CSV (header row) or JSON array-of-objects data file; a clear error on anything else. */
export async function loadDataFile(path: string): Promise<DataRow[]> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (err) {
    throw new SalvoError('io', `cannot read data file ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (size > MAX_DATA_BYTES) throw new SalvoError('invalid-input', `data file ${path} is larger than ${MAX_DATA_BYTES} bytes`);
  const text = await readFile(path, 'utf8');
  const ext = extname(path).toLowerCase();
  const looksJson = ext === '.json' || (ext !== '.csv' && /^\s*\[/.test(text));
  const rows = looksJson ? parseJsonRows(text, path) : await parseCsvRows(text, path);
  if (rows.length > MAX_ROWS) throw new SalvoError('invalid-input', `data file ${path} has more than ${MAX_ROWS} rows`);
  return rows;
}

/** Parses a JSON array of flat objects; nested values become their JSON text. */
export function parseJsonRows(text: string, source = 'data'): DataRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new SalvoError('invalid-input', `${source} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(value)) throw new SalvoError('invalid-input', `${source} must be a JSON array of objects`);
  return value.map((item, index) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new SalvoError('invalid-input', `${source}: row ${index + 1} is not an object`);
    const row = new Map<string, string>();
    // Object.entries only sees own keys, so a "__proto__" key is a plain name here, never a prototype.
    for (const [k, v] of Object.entries(item as Record<string, unknown>)) row.set(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
    return row;
  });
}

/** Parses CSV with a header row through csv-parse's async API. */
export function parseCsvRows(text: string, source = 'data'): Promise<DataRow[]> {
  return new Promise((resolve, reject) => {
    parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: false, relax_column_count: false }, (err, records: Array<Record<string, string>>) => {
      if (err) {
        reject(new SalvoError('invalid-input', `${source} is not valid CSV: ${err.message}`));
        return;
      }
      resolve(records.map((r) => new Map(Object.entries(r))));
    });
  });
}
