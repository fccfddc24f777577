import { z } from 'zod';

/** Closed set of failure kinds. Every `switch` over it ends in `assertNever`. */
export const ERROR_KINDS = [
  'invalid-url',
  'unresolved-variable',
  'dns',
  'connection-refused',
  'connection-reset',
  'tls',
  'timeout',
  'too-many-redirects',
  'body-too-large',
  'decompression',
  'protocol',
  'cancelled',
  'invalid-input',
  'not-found',
  'conflict',
  'io',
  'internal',
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];
export const ErrorKindSchema = z.enum(ERROR_KINDS);

/** Which phase a timeout hit. */
export type TimeoutPhase = 'connect' | 'headers' | 'body' | 'total';

/** An error as data: it crosses IPC and lands in results and reports. */
export interface ErrorInfo {
  readonly kind: ErrorKind;
  readonly message: string;
  /** Optional structured detail (the timeout phase, the unresolved names, certificate facts). */
  readonly detail?: Readonly<Record<string, string | number | boolean | readonly string[]>>;
}

export const ErrorInfoSchema = z.object({
  kind: ErrorKindSchema,
  message: z.string(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())])).optional(),
});

/** A thrown error that carries an ErrorInfo; handlers throw it, binders turn it into data. */
export class SalvoError extends Error {
  readonly info: ErrorInfo;
  constructor(kind: ErrorKind, message: string, detail?: ErrorInfo['detail']) {
    super(message);
    this.name = 'SalvoError';
    this.info = detail === undefined ? { kind, message } : { kind, message, detail };
  }
}

/** Compile-time exhaustiveness check for switches over closed unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}

/** Turns anything thrown into an ErrorInfo without leaking stack traces. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof SalvoError) return err.info;
  if (err instanceof Error) return { kind: 'internal', message: err.message };
  return { kind: 'internal', message: String(err) };
}
