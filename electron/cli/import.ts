import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ImportFormat, ImportReport } from '../../shared/ipc/collections';
import { SalvoError } from '../../shared/model/errors';
import { importText } from '../importers/index';
import { MAX_IMPORT_BYTES } from '../importers/parse-input';
import { writeImported } from '../importers/write-import';
import { EXIT, UsageError } from './io';
import type { CliCommand, CliIo } from './io';

const FORMATS: readonly ImportFormat[] = ['postman', 'insomnia', 'openapi', 'curl'];
const USAGE = 'usage: salvo import <file | -> --into <dir> [--format postman|insomnia|openapi|curl]';

interface ImportArgs {
  readonly source: string;
  readonly into: string;
  readonly format: ImportFormat | undefined;
}

function parseArgs(argv: readonly string[]): ImportArgs {
  let source: string | undefined;
  let into: string | undefined;
  let format: ImportFormat | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--into' || a === '--format') {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value\n${USAGE}`);
      if (a === '--into') into = v;
      else {
        if (!FORMATS.includes(v as ImportFormat)) throw new UsageError(`unknown format "${v}"\n${USAGE}`);
        format = v as ImportFormat;
      }
    } else if (a.startsWith('--into=')) into = a.slice(7);
    else if (a.startsWith('--format=')) {
      const v = a.slice(9);
      if (!FORMATS.includes(v as ImportFormat)) throw new UsageError(`unknown format "${v}"\n${USAGE}`);
      format = v as ImportFormat;
    } else if (a === '-' || !a.startsWith('-')) {
      if (source !== undefined) throw new UsageError(`only one input file\n${USAGE}`);
      source = a;
    } else throw new UsageError(`unknown option ${a}\n${USAGE}`);
  }
  if (source === undefined) throw new UsageError(`missing input file\n${USAGE}`);
  if (into === undefined) throw new UsageError(`missing --into <dir>\n${USAGE}`);
  return { source, into, format };
}

async function readSource(source: string, io: CliIo): Promise<string> {
  if (source === '-') return io.readStdin();
  const path = resolve(io.cwd, source);
  const info = await stat(path);
  if (!info.isFile()) throw new SalvoError('invalid-input', `${source} is not a file`);
  if (info.size > MAX_IMPORT_BYTES) throw new SalvoError('invalid-input', `${source} is larger than ${MAX_IMPORT_BYTES} bytes`);
  return readFile(path, 'utf8');
}

/** Human-readable import report. */
export function formatReport(report: ImportReport, root: string): string {
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  const lines = [`Imported ${plural(report.requests, 'request')}, ${plural(report.folders, 'folder')}, ${plural(report.environments, 'environment')} (${report.format}) into ${root}`];
  if (report.unmapped.length === 0) lines.push('Everything was mapped.');
  else {
    lines.push(`Not mapped (${report.unmapped.length}):`);
    for (const u of report.unmapped) lines.push(`  - ${u.where}: ${u.what}`);
  }
  return lines.join('\n') + '\n';
}

/** `salvo import <file | -> --into <dir> [--format ...]`: 0 on success (unmapped items listed), 2 for bad input. */
export const importCmd: CliCommand = async (argv, io) => {
  let args: ImportArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    io.stderr.write(`salvo import: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  let text: string;
  try {
    text = await readSource(args.source, io);
  } catch (err) {
    io.stderr.write(`salvo import: cannot read ${args.source}: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  try {
    const result = importText(text, args.format);
    const root = await writeImported(resolve(io.cwd, args.into), result.collection);
    io.stdout.write(formatReport(result.report, root));
    return EXIT.ok;
  } catch (err) {
    const isInput = err instanceof SalvoError && (err.info.kind === 'invalid-input' || err.info.kind === 'conflict' || err.info.kind === 'not-found');
    io.stderr.write(`salvo import: ${isInput ? '' : 'failed: '}${(err as Error).message}\n`);
    return isInput ? EXIT.usage : EXIT.failed;
  }
};
