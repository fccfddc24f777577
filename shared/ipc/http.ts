import { z } from 'zod';
import { RequestSpecSchema } from '../model/request';
import type { BodySlice, ResponseView } from '../model/response';
import { invoke } from './define';

const Id = z.string().min(1).max(128);

/** Where a request lives, so the main process can layer collection/folder/environment variables. */
export const SendContextSchema = z.object({
  collectionId: Id.optional(),
  requestPath: z.string().max(4096).optional(),
  environment: z.string().max(256).optional(),
});
export type SendContext = z.infer<typeof SendContextSchema>;

export const httpInvokes = {
  /** Sends one request; resolves when it completes (or fails) with everything but the full body. */
  'http:send': invoke<ResponseView>()(z.object({ id: Id, spec: RequestSpecSchema, context: SendContextSchema.default({}) })),
  /** Cancels an in-flight request by id; resolves true when something was cancelled. */
  'http:cancel': invoke<boolean>()(z.object({ id: Id })),
  /** A slice of a stored response body (run results included: id `run:<runId>:<seq>`). */
  'http:body': invoke<BodySlice>()(z.object({ id: Id, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(64 * 1024 * 1024).default(1024 * 1024) })),
  /** Writes a stored response body to a file the user chose. */
  'http:saveBody': invoke<{ bytes: number }>()(z.object({ id: Id, path: z.string().min(1).max(4096) })),
  /** Drops a stored response (tab closed). */
  'http:release': invoke<void>()(z.object({ id: Id })),
  /** Variables visible to a request, for highlighting (secret values masked). */
  'vars:resolve': invoke<ReadonlyArray<{ name: string; value: string; secret: boolean; scope: string }>>()(SendContextSchema),
};

/** Main -> renderer pushes for single requests. */
export interface HttpEvents {
  /** Coalesced body chunks of a streaming response, in order (seq increases by one per event). */
  'http:chunk': { readonly id: string; readonly seq: number; readonly text: string; readonly bytes: number };
}
