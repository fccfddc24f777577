import { selectIsSending, selectSummary, useResponsesStore } from '../../../renderer/state/responses-store';
import { sampleMeta } from '../support/fixtures';
import { resetAll } from '../support/reset';

describe('responses store', () => {
  beforeEach(resetAll);

  it('tracks a send from start to finish', () => {
    const s = useResponsesStore.getState();
    s.start('t1', 'r1');
    expect(selectIsSending('t1')(useResponsesStore.getState())).toBe(true);
    useResponsesStore.getState().finish('r1', sampleMeta(), { bytes: 10, truncated: false, encoding: 'text' });
    expect(selectIsSending('t1')(useResponsesStore.getState())).toBe(false);
    expect(selectSummary('t1')(useResponsesStore.getState())).toEqual([200, 10, 10]);
  });

  it('ignores late events of a superseded send', () => {
    useResponsesStore.getState().start('t1', 'old');
    useResponsesStore.getState().start('t1', 'new');
    useResponsesStore.getState().finish('old', sampleMeta({ status: 500 }), { bytes: 1, truncated: false, encoding: 'text' });
    useResponsesStore.getState().streamed('old', 99, 3, 99);
    const r = useResponsesStore.getState().byTab.t1;
    expect(r).toMatchObject({ requestId: 'new', phase: 'sending', meta: undefined });
    expect(r?.body.bytes).toBe(0);
  });

  it('bumps the body version on every body change', () => {
    useResponsesStore.getState().start('t1', 'r1');
    useResponsesStore.getState().streamed('r1', 5, 0, 5);
    useResponsesStore.getState().streamed('r1', 9, 1, 9);
    expect(useResponsesStore.getState().byTab.t1?.body).toMatchObject({ bytes: 9, version: 2 });
    useResponsesStore.getState().bodyChanged('r1', { truncated: true });
    expect(useResponsesStore.getState().byTab.t1?.body).toMatchObject({ truncated: true, version: 3 });
  });

  it('clears a tab and its request routing', () => {
    useResponsesStore.getState().start('t1', 'r1');
    useResponsesStore.getState().clear('t1');
    expect(useResponsesStore.getState()).toMatchObject({ byTab: {}, tabOfRequest: {} });
  });
});
