import { main } from './main';
import type { CliIo } from './io';

/** Reads all of standard input (for `salvo import -`). */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

const io: CliIo = { stdout: process.stdout, stderr: process.stderr, readStdin, env: process.env, cwd: process.cwd() };

// Let the output drain and keep-alive sockets close on their own; set the code rather than exit().
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`salvo: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
