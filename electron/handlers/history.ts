import type { Handlers } from '../../shared/ipc/contract';
import { HistoryStore } from '../history/history-store';
import type { AppContext, HistoryRecorder } from './context';

/** History handlers and the recorder the HTTP send path calls after each request. */
export function createHistoryHandlers(ctx: AppContext): { handlers: Pick<Handlers, 'history:list' | 'history:clear' | 'history:delete'>; recorder: HistoryRecorder } {
  const store = new HistoryStore(ctx.userDataDir);
  return {
    handlers: {
      'history:list': ({ query, limit }) => store.list(query, limit),
      'history:clear': () => store.clear(),
      'history:delete': ({ id }) => store.delete(id),
    },
    recorder: { record: (entry) => store.record(entry) },
  };
}
