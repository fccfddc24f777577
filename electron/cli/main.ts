import type { CliCommand, CliIo } from './io';
import { EXIT, UsageError } from './io';

const USAGE = `Usage: salvo <command> [options]

Commands:
  send [METHOD] URL [options]     send one request (salvo send --help)
  run <collection-dir> [options]  run a collection as a concurrent batch (salvo run --help)
  import <file|-> --into <dir>    import Postman, Insomnia, OpenAPI or cURL into a collection
  export <collection-dir>         export a collection as Postman v2.1 or requests as cURL

Exit codes: 0 success, 1 a request or assertion failed, 2 bad usage or unreadable input.
`;

/** Subcommands load lazily so `salvo send` does not pay for the runner's modules. */
const COMMANDS: Readonly<Record<string, () => Promise<CliCommand>>> = {
  send: async () => (await import('./send')).send,
  run: async () => (await import('./run')).runCmd,
  import: async () => (await import('./import')).importCmd,
  export: async () => (await import('./export')).exportCmd,
};

/** Dispatches `salvo <command> ...`; returns the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${process.env.npm_package_version ?? '0.1.0'}\n`);
    return EXIT.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    io.stderr.write(`salvo: unknown command '${name}'\n\n${USAGE}`);
    return EXIT.usage;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`salvo ${name}: ${err.message}\n`);
      return EXIT.usage;
    }
    io.stderr.write(`salvo ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failed;
  }
}
