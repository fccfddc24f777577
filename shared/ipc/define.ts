import type { z } from 'zod';
import type { ErrorInfo } from '../model/errors';

/** An invoke channel: the payload schema (validated in main) and the result type. */
export interface InvokeDef<I extends z.ZodType, O> {
  readonly input: I;
  /** Phantom field carrying the output type; never read at run time. */
  readonly output?: O;
}

export function invoke<O>() {
  return <I extends z.ZodType>(input: I): InvokeDef<I, O> => ({ input });
}

/** Errors cross IPC as data, never as thrown objects. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ErrorInfo };

export type InputOf<D> = D extends InvokeDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<D> = D extends InvokeDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<D> = D extends InvokeDef<z.ZodType, infer O> ? O : never;
