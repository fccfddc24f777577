import type { EventMap } from '../../shared/ipc/contract';
import type { ApiClient } from '../api/client';
import { appendBody, getBody } from '../state/body-cache';
import { useCollectionsStore } from '../state/collections-store';
import { useEnvironmentsStore } from '../state/environments-store';
import { STREAM_VIEW_CAP, useResponsesStore } from '../state/responses-store';
import type { Scheduler } from './frame-queue';
import { animationFrameScheduler, createFrameQueue } from './frame-queue';
import { bindCookieEvents } from '../features/cookies/cookie-actions';
import { runMenuCommand } from './menu-commands';

/** Applies a frame's worth of `http:chunk` events: text to the body cache, one store update per request. */
export function applyChunks(batch: readonly EventMap['http:chunk'][]): void {
  const last = new Map<string, { seq: number; received: number }>();
  const state = useResponsesStore.getState();
  for (const chunk of batch) {
    const tabId = state.tabOfRequest[chunk.id];
    const response = tabId === undefined ? undefined : state.byTab[tabId];
    // Only chunks of a live send, in order, once each.
    if (response === undefined || response.requestId !== chunk.id || response.phase !== 'sending') continue;
    const seen = last.get(chunk.id) ?? { seq: response.lastSeq, received: response.streamedBytes };
    if (chunk.seq <= seen.seq) continue;
    // A huge stream is counted, not kept: the view shows its head and the full body is fetched on demand.
    const room = STREAM_VIEW_CAP - getBody(chunk.id).length;
    if (room > 0) appendBody(chunk.id, chunk.text.length <= room ? chunk.text : chunk.text.slice(0, room));
    last.set(chunk.id, { seq: chunk.seq, received: seen.received + chunk.bytes });
  }
  for (const [id, { seq, received }] of last) state.streamed(id, getBody(id).length, seq, received);
}

/** Applies a frame's worth of `collection:changed` events: only the latest tree per collection matters. */
export function applyCollectionChanges(batch: readonly EventMap['collection:changed'][]): void {
  const latest = new Map<string, EventMap['collection:changed']>();
  for (const event of batch) latest.set(event.collectionId, event);
  const collections = useCollectionsStore.getState();
  for (const event of latest.values()) {
    // Events for collections the user closed are dropped.
    if (collections.trees[event.collectionId] === undefined) continue;
    collections.setTree(event.tree);
    const envs = useEnvironmentsStore.getState();
    envs.setNames(event.collectionId, event.tree.environments, envs.active[event.collectionId] ?? event.tree.activeEnvironment);
    envs.invalidate(event.collectionId);
  }
}

/** Subscribes the stores to main-process events, once, outside React. Returns the unsubscribe. */
export function bindEvents(client: ApiClient, schedule: Scheduler = animationFrameScheduler): () => void {
  const chunkQueue = createFrameQueue(applyChunks, schedule);
  const treeQueue = createFrameQueue(applyCollectionChanges, schedule);
  const offs = [
    client.on('http:chunk', chunkQueue),
    client.on('collection:changed', treeQueue),
    // Menu commands are rare and user-driven: run them directly.
    client.on('app:menu', (event) => void runMenuCommand(event)),
    // Already coalesced in main (a few per second at most): refreshes an open cookie manager.
    bindCookieEvents(client),
  ];
  return () => {
    for (const off of offs) off();
  };
}
