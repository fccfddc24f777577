import { bindEvents } from '../../../renderer/app/bind-events';
import { createApiClient } from '../../../renderer/api/client';
import { useCollectionsStore } from '../../../renderer/state/collections-store';
import { useTabsStore } from '../../../renderer/state/tabs-store';
import { installFakeApi } from '../support/fake-api';
import { sampleTree } from '../support/fixtures';
import { resetAll } from '../support/reset';

describe('native menu commands (app:menu)', () => {
  beforeEach(resetAll);

  it('New Request opens a new tab', () => {
    const fake = installFakeApi({});
    bindEvents(createApiClient(fake.api), (f) => f());
    const before = Object.keys(useTabsStore.getState().tabs).length;
    fake.emit('app:menu', { command: 'new-request' });
    expect(Object.keys(useTabsStore.getState().tabs).length).toBe(before + 1);
  });

  it('Open Collection asks for a folder and opens it', async () => {
    const tree = sampleTree();
    const fake = installFakeApi({
      'dialog:openFolder': () => ({ canceled: false, path: tree.root }),
      'collection:open': () => tree,
    });
    bindEvents(createApiClient(fake.api), (f) => f());
    fake.emit('app:menu', { command: 'open-collection' });
    await vi.waitFor(() => expect(useCollectionsStore.getState().trees[tree.id]).toBeDefined());
    expect(fake.calls.map((c) => c.channel)).toEqual(['dialog:openFolder', 'collection:open']);
  });
});
