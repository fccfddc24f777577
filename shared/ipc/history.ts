import { z } from 'zod';
import type { RequestSpec } from '../model/request';
import { invoke } from './define';

/** One history entry: what was sent (secrets redacted) and how it went. */
export interface HistoryEntry {
  readonly id: string;
  readonly at: number;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly errorKind: string | undefined;
  readonly durationMs: number;
  readonly bytes: number;
  readonly spec: RequestSpec;
}

export const historyInvokes = {
  'history:list': invoke<readonly HistoryEntry[]>()(z.object({ query: z.string().max(1000).default(''), limit: z.number().int().min(1).max(5000).default(200) })),
  'history:clear': invoke<void>()(z.object({})),
  'history:delete': invoke<void>()(z.object({ id: z.string().min(1).max(128) })),
};
