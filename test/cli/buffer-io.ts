import type { CliIo } from '../../electron/cli/io';

/** A terminal made of strings, for calling CLI commands in-process. */
export function bufferIo(options: { cwd: string; stdin?: string; env?: Record<string, string>; isTTY?: boolean }): CliIo & { out(): string; err(): string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (t: string) => (out += t), isTTY: options.isTTY ?? false },
    stderr: { write: (t: string) => (err += t) },
    readStdin: () => Promise.resolve(options.stdin ?? ''),
    env: options.env ?? {},
    cwd: options.cwd,
    out: () => out,
    err: () => err,
  };
}
