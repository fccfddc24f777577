import { join, resolve } from 'node:path';
import { readTextIfExists } from '../collections/file-io';
import { SalvoError } from '../../shared/model/errors';
import { buildTree, loadCollection } from '../collections/loader';
import type { LoadedCollection } from '../collections/loader';
import { toCurl } from '../exporters/curl';
import { toPostman } from '../exporters/postman';
import { EXIT, UsageError } from './io';
import type { CliCommand } from './io';
import type { FolderNode } from '../../shared/model/collection';
import { splitRelPath } from '../collections/names';

const USAGE = 'usage: salvo export <collection-dir> --format postman|curl [--request PATH]';

interface ExportArgs {
  readonly dir: string;
  readonly format: 'postman' | 'curl';
  readonly request: string | undefined;
}

function parseArgs(argv: readonly string[]): ExportArgs {
  let dir: string | undefined;
  let format: string | undefined;
  let request: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--format' || a === '--request') {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      if (a === '--format') format = v;
      else request = v;
    } else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a.startsWith('--request=')) request = a.slice(10);
    else if (!a.startsWith('-')) {
      if (dir !== undefined) throw new UsageError('only one collection folder');
      dir = a;
    } else throw new UsageError(`unknown option ${a}`);
  }
  if (dir === undefined) throw new UsageError('missing collection folder');
  if (format !== 'postman' && format !== 'curl') throw new UsageError(format === undefined ? 'missing --format' : `unknown format "${format}"`);
  if (request !== undefined && format !== 'curl') throw new UsageError('--request goes with --format curl');
  return { dir, format, request };
}

function requestPaths(node: FolderNode): string[] {
  return node.children.flatMap((c) => (c.type === 'request' ? [c.path] : requestPaths(c)));
}

function curlOutput(l: LoadedCollection, request: string | undefined): string {
  if (request !== undefined) {
    splitRelPath(request);
    const rel = request.endsWith('.yaml') ? request : `${request}.yaml`;
    const found = l.requests.get(rel);
    if (!found) throw new SalvoError('not-found', `no such request: ${request}`);
    return toCurl(found.request) + '\n';
  }
  return requestPaths(buildTree(l))
    .map((p) => {
      const r = l.requests.get(p)?.request;
      return r ? `# ${r.name} (${p})\n${toCurl(r)}\n` : '';
    })
    .join('\n');
}

/** `salvo export <collection-dir> --format postman|curl [--request PATH]`: writes to stdout. */
export const exportCmd: CliCommand = async (argv, io) => {
  let args: ExportArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    io.stderr.write(`salvo export: ${(err as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  let loaded: LoadedCollection;
  try {
    const root = resolve(io.cwd, args.dir);
    if ((await readTextIfExists(join(root, 'salvo.yaml'))) === undefined) throw new SalvoError('not-found', 'no salvo.yaml in it');
    loaded = await loadCollection(root);
  } catch (err) {
    io.stderr.write(`salvo export: cannot open ${args.dir}: ${(err as Error).message}\n`);
    return EXIT.usage;
  }
  if (loaded.folders.size === 0 || loaded.problems.some((p) => p.path === 'salvo.yaml')) {
    io.stderr.write(`salvo export: ${args.dir} is not a readable Salvo collection\n`);
    return EXIT.usage;
  }
  for (const p of loaded.problems) io.stderr.write(`warning: skipped ${p.path}${p.line === undefined ? '' : `:${p.line}`}: ${p.reason}\n`);
  try {
    io.stdout.write(args.format === 'postman' ? toPostman(loaded) : curlOutput(loaded, args.request));
    return EXIT.ok;
  } catch (err) {
    io.stderr.write(`salvo export: ${(err as Error).message}\n`);
    return err instanceof SalvoError && (err.info.kind === 'not-found' || err.info.kind === 'invalid-input') ? EXIT.usage : EXIT.failed;
  }
};
