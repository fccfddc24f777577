import { readFile } from 'node:fs/promises';
import type { RequestSpec } from '../../shared/model/request';
import type { ResponseResult } from '../../shared/model/response';
import { SalvoCookieJar } from '../cookies/cookie-jar';
import { createEngine } from '../engine/engine';
import { formatHuman, formatJson, printableBody } from './format-response';
import { EXIT, UsageError } from './io';
import type { CliCommand, CliIo } from './io';
import { parseSendArgs, SEND_USAGE } from './send-args';
import type { SendArgs } from './send-args';

async function withStdin(args: SendArgs, io: CliIo): Promise<RequestSpec> {
  if (args.bodyFromStdin === undefined) return args.spec;
  const text = await io.readStdin();
  const body = args.spec.body;
  if (body.mode === 'json' || body.mode === 'text') return { ...args.spec, body: { ...body, text } };
  return args.spec;
}

async function bodyBytes(result: ResponseResult): Promise<Uint8Array> {
  if (result.body.kind === 'memory') return result.body.bytes;
  return new Uint8Array(await readFile(result.body.path));
}

/** `salvo send`: one request through the engine; exit 0 for any status, 1 when it failed, 2 for bad usage. */
export const send: CliCommand = async (argv, io) => {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write(`${SEND_USAGE}\n`);
    return EXIT.ok;
  }
  let args: SendArgs;
  try {
    args = parseSendArgs(argv, io.cwd);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr.write(`salvo send: ${err.message}\n${SEND_USAGE}\n`);
    return EXIT.usage;
  }
  const engine = createEngine({ connectionsPerOrigin: 1 });
  try {
    const spec = await withStdin(args, io);
    // One in-memory jar per invocation, never saved: cookies set by a redirect hop are sent on the next ones.
    const result = await engine.send(spec, { id: 'cli-send', cookies: new SalvoCookieJar() });
    const body = printableBody(result, await bodyBytes(result));
    io.stdout.write(args.output === 'json' ? formatJson(result, body) : formatHuman(result, body));
    if (result.error !== undefined) {
      if (args.output === 'human') io.stderr.write(`salvo send: ${result.error.kind}: ${result.error.message}\n`);
      return EXIT.failed;
    }
    return EXIT.ok;
  } finally {
    await engine.close();
  }
};
