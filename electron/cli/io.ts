/** The terminal a CLI command talks to; tests pass buffers, the bin passes the process streams. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown };
  /** Whole standard input (for `-`), read on demand. */
  readonly readStdin: () => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/** Exit codes shared by every subcommand. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Thrown for bad usage; the dispatcher prints the message and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A CLI subcommand: parses its own argv and returns the exit code. */
export type CliCommand = (argv: readonly string[], io: CliIo) => Promise<number>;
