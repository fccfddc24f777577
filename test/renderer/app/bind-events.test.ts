import { bindEvents } from '../../../renderer/app/bind-events';
import { createFrameQueue } from '../../../renderer/app/frame-queue';
import { getBody } from '../../../renderer/state/body-cache';
import { useCollectionsStore } from '../../../renderer/state/collections-store';
import { STREAM_VIEW_CAP, useResponsesStore } from '../../../renderer/state/responses-store';
import { createApiClient } from '../../../renderer/api/client';
import { installFakeApi } from '../support/fake-api';
import { resetAll } from '../support/reset';
import { sampleTree } from '../support/fixtures';

/** A scheduler the test flushes by hand, standing in for requestAnimationFrame. */
function manualScheduler(): { schedule: (f: () => void) => void; flush: () => void; pending: () => number } {
  let queue: Array<() => void> = [];
  return {
    schedule: (f) => queue.push(f),
    flush: () => {
      const q = queue;
      queue = [];
      q.forEach((f) => f());
    },
    pending: () => queue.length,
  };
}

describe('frame queue', () => {
  it('hands every item of a burst to one apply call per frame', () => {
    const frames = manualScheduler();
    const batches: number[][] = [];
    const push = createFrameQueue<number>((b) => batches.push([...b]), frames.schedule);
    for (let i = 0; i < 1000; i++) push(i);
    expect(frames.pending()).toBe(1);
    frames.flush();
    push(1000);
    frames.flush();
    expect(batches.map((b) => b.length)).toEqual([1000, 1]);
  });
});

describe('bindEvents', () => {
  beforeEach(resetAll);

  it('applies a burst of http:chunk events with one store update, in order, dropping duplicates', () => {
    const fake = installFakeApi({});
    const frames = manualScheduler();
    bindEvents(createApiClient(fake.api), frames.schedule);
    useResponsesStore.getState().start('t1', 'req-1');
    let updates = 0;
    const off = useResponsesStore.subscribe(() => updates++);
    fake.emit('http:chunk', { id: 'req-1', seq: 0, text: 'data: a\n', bytes: 8 });
    fake.emit('http:chunk', { id: 'req-1', seq: 1, text: 'data: b\n', bytes: 8 });
    fake.emit('http:chunk', { id: 'req-1', seq: 1, text: 'data: b\n', bytes: 8 });
    fake.emit('http:chunk', { id: 'other', seq: 0, text: 'ignored', bytes: 7 });
    expect(updates).toBe(0);
    frames.flush();
    off();
    expect(updates).toBe(1);
    expect(getBody('req-1')).toBe('data: a\ndata: b\n');
    expect(useResponsesStore.getState().byTab.t1).toMatchObject({ lastSeq: 1, body: { bytes: 16 } });
  });

  it('keeps only the head of a huge stream in memory while counting every byte', () => {
    const fake = installFakeApi({});
    const frames = manualScheduler();
    bindEvents(createApiClient(fake.api), frames.schedule);
    useResponsesStore.getState().start('t1', 'big');
    const piece = 'y'.repeat(100 * 1024);
    for (let seq = 0; seq < 20; seq++) fake.emit('http:chunk', { id: 'big', seq, text: piece, bytes: piece.length });
    frames.flush();
    expect(getBody('big').length).toBe(STREAM_VIEW_CAP);
    expect(useResponsesStore.getState().byTab.t1).toMatchObject({ streamedBytes: 20 * piece.length, body: { bytes: STREAM_VIEW_CAP, truncated: true } });
  });

  it('applies only the latest tree per collection and ignores closed collections', () => {
    const fake = installFakeApi({});
    const frames = manualScheduler();
    bindEvents(createApiClient(fake.api), frames.schedule);
    useCollectionsStore.getState().setTree(sampleTree('c1'));
    const renamed = { ...sampleTree('c1'), name: 'Renamed' };
    fake.emit('collection:changed', { collectionId: 'c1', tree: { ...sampleTree('c1'), name: 'First' }, changedPaths: [] });
    fake.emit('collection:changed', { collectionId: 'c1', tree: renamed, changedPaths: ['health.yaml'] });
    fake.emit('collection:changed', { collectionId: 'closed', tree: sampleTree('closed'), changedPaths: [] });
    frames.flush();
    const s = useCollectionsStore.getState();
    expect(s.trees.c1?.name).toBe('Renamed');
    expect(s.trees.closed).toBeUndefined();
  });
});
