import { beforeEach, describe, expect, it } from 'vitest';
import { RunConfigSchema } from '../../../shared/model/run';
import { resetRunsStore, runResults, selectActiveRun, useRunsStore } from '../../../renderer/state/runs-store';
import { progress } from './fixtures';

beforeEach(() => resetRunsStore());

describe('runs store', () => {
  it('opens and closes the run dialog', () => {
    useRunsStore.getState().openRunDialog('c1', ['users']);
    expect(useRunsStore.getState().dialog).toEqual({ collectionId: 'c1', targets: ['users'] });
    useRunsStore.getState().closeRunDialog();
    expect(useRunsStore.getState().dialog).toBeUndefined();
  });

  it('applies a batch of events in one update, keeping rows outside reactive state', () => {
    let updates = 0;
    const off = useRunsStore.subscribe(() => updates++);
    useRunsStore.getState().applyProgress([progress('r1', 0, 100, 1000), progress('r1', 100, 50, 1000), progress('r2', 0, 5, 5, 'done')]);
    off();
    expect(updates).toBe(1);
    const s = useRunsStore.getState();
    expect(s.runs.r1).toMatchObject({ received: 150, planned: 1000, state: 'running', version: 2 });
    expect(s.runs.r2).toMatchObject({ received: 5, state: 'done' });
    expect(runResults('r1').size).toBe(150);
    // The store holds no row arrays.
    expect(JSON.stringify(s.runs).length).toBeLessThan(4000);
    expect(s.order).toEqual(['r2', 'r1']);
    expect(selectActiveRun(s)?.runId).toBe('r1');
  });

  it('ignores results already seen (same seq)', () => {
    useRunsStore.getState().applyProgress([progress('r1', 0, 10, 20)]);
    useRunsStore.getState().applyProgress([progress('r1', 5, 10, 20)]);
    expect(runResults('r1').size).toBe(15);
    expect(useRunsStore.getState().runs.r1?.received).toBe(15);
  });

  it('keeps progress that arrived before run:start answered', () => {
    useRunsStore.getState().applyProgress([progress('r9', 0, 3, 10)]);
    const config = RunConfigSchema.parse({ name: 'smoke' });
    useRunsStore.getState().runStarted('r9', 'c1', 10, config);
    expect(useRunsStore.getState().runs.r9).toMatchObject({ received: 3, collectionId: 'c1', configName: 'smoke', planned: 10 });
    expect(useRunsStore.getState().activeRunId).toBe('r9');
  });

  it('closing a run drops its rows and picks another active run', () => {
    useRunsStore.getState().applyProgress([progress('a', 0, 3, 3, 'done'), progress('b', 0, 2, 2, 'done')]);
    useRunsStore.getState().setActiveRun('b');
    useRunsStore.getState().closeRun('b');
    expect(runResults('b').size).toBe(0);
    expect(useRunsStore.getState().activeRunId).toBe('a');
    expect(useRunsStore.getState().order).toEqual(['a']);
  });
});
