import { create } from 'zustand';
import type { ErrorInfo } from '../../shared/model/errors';
import type { ResponseView } from '../../shared/model/response';

/** A response without its body text (that stays in body-cache). */
export type ResponseMeta = Omit<ResponseView, 'preview'>;

/** What the store knows about the body of one response. */
export interface BodyInfo {
  /** Characters held in body-cache for this id. */
  readonly bytes: number;
  /** Bumps on every change of the cached text. */
  readonly version: number;
  /** The cached text is not the whole body. */
  readonly truncated: boolean;
  readonly encoding: 'text' | 'base64';
  /** A "show all" fetch is running. */
  readonly isLoadingMore: boolean;
}

/** The latest send of one tab. */
export interface TabResponse {
  readonly requestId: string;
  readonly phase: 'sending' | 'done' | 'failed';
  readonly meta: ResponseMeta | undefined;
  /** A transport/handler failure (the send itself failed); response-level errors are in `meta.error`. */
  readonly error: ErrorInfo | undefined;
  readonly body: BodyInfo;
  readonly startedAt: number;
  /** Streamed chunk sequence last applied. */
  readonly lastSeq: number;
  /** Bytes received so far while streaming (the cache keeps only the first STREAM_VIEW_CAP characters). */
  readonly streamedBytes: number;
}

/** Latest response per tab. */
export interface ResponsesState {
  readonly byTab: Readonly<Record<string, TabResponse>>;
  /** request id -> tab id, to route `http:chunk` events. */
  readonly tabOfRequest: Readonly<Record<string, string>>;
  start(tabId: string, requestId: string): void;
  /** Chunks arrived: the cache holds `bytes` characters, `received` bytes came in; seq is the last applied. */
  streamed(requestId: string, bytes: number, seq: number, received: number): void;
  finish(requestId: string, meta: ResponseMeta, body: { bytes: number; truncated: boolean; encoding: 'text' | 'base64' }): void;
  fail(requestId: string, error: ErrorInfo): void;
  bodyChanged(requestId: string, patch: Partial<Pick<BodyInfo, 'bytes' | 'truncated' | 'isLoadingMore'>>): void;
  clear(tabId: string): void;
}

/** While streaming, only this many characters are kept for display; the full body comes from `http:body` afterwards. */
export const STREAM_VIEW_CAP = 64 * 1024;

const emptyBody: BodyInfo = { bytes: 0, version: 0, truncated: false, encoding: 'text', isLoadingMore: false };
const initial = { byTab: {}, tabOfRequest: {} };

function patchByRequest(s: ResponsesState, requestId: string, update: (r: TabResponse) => TabResponse): Partial<ResponsesState> | ResponsesState {
  const tabId = s.tabOfRequest[requestId];
  const current = tabId === undefined ? undefined : s.byTab[tabId];
  // Late events for a superseded send are ignored.
  if (tabId === undefined || current === undefined || current.requestId !== requestId) return s;
  return { byTab: { ...s.byTab, [tabId]: update(current) } };
}

/** The responses store. */
export const useResponsesStore = create<ResponsesState>()((set) => ({
  ...initial,
  start: (tabId, requestId) =>
    set((s) => ({
      byTab: { ...s.byTab, [tabId]: { requestId, phase: 'sending', meta: undefined, error: undefined, body: emptyBody, startedAt: Date.now(), lastSeq: -1, streamedBytes: 0 } },
      tabOfRequest: { ...s.tabOfRequest, [requestId]: tabId },
    })),
  streamed: (requestId, bytes, seq, received) =>
    set((s) => patchByRequest(s, requestId, (r) => ({ ...r, lastSeq: seq, streamedBytes: received, body: { ...r.body, bytes, truncated: received > bytes, version: r.body.version + (bytes === r.body.bytes ? 0 : 1) } }))),
  finish: (requestId, meta, body) =>
    set((s) =>
      patchByRequest(s, requestId, (r) => ({
        ...r,
        phase: 'done',
        meta,
        body: { ...r.body, ...body, version: r.body.version + 1, isLoadingMore: false },
      })),
    ),
  fail: (requestId, error) => set((s) => patchByRequest(s, requestId, (r) => ({ ...r, phase: 'failed', error }))),
  bodyChanged: (requestId, patch) => set((s) => patchByRequest(s, requestId, (r) => ({ ...r, body: { ...r.body, ...patch, version: r.body.version + 1 } }))),
  clear: (tabId) =>
    set((s) => {
      const { [tabId]: _gone, ...byTab } = s.byTab;
      const tabOfRequest = Object.fromEntries(Object.entries(s.tabOfRequest).filter(([, t]) => t !== tabId));
      return { byTab, tabOfRequest };
    }),
}));

/** Resets the store (tests). */
export function resetResponsesStore(): void {
  useResponsesStore.setState(initial);
}

/** Selector factory: the latest response of a tab. */
export const selectTabResponse =
  (tabId: string | undefined) =>
  (s: ResponsesState): TabResponse | undefined =>
    tabId === undefined ? undefined : s.byTab[tabId];

/** Selector factory: whether a tab is waiting for its response. */
export const selectIsSending =
  (tabId: string | undefined) =>
  (s: ResponsesState): boolean =>
    tabId !== undefined && s.byTab[tabId]?.phase === 'sending';

/** Selector factory: status, duration and size tuple for the summary line (use with useShallow). */
export const selectSummary =
  (tabId: string | undefined) =>
  (s: ResponsesState): readonly [status: number, totalMs: number, bytes: number] => {
    const meta = tabId === undefined ? undefined : s.byTab[tabId]?.meta;
    return [meta?.status ?? 0, meta?.timings.total ?? 0, meta?.bodyBytes ?? 0];
  };
