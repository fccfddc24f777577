import { blankRequest, selectHasUnsaved, selectTabLabel, useTabsStore } from '../../../renderer/state/tabs-store';
import { resetAll } from '../support/reset';

const saved = blankRequest({ name: 'Get users', url: 'http://127.0.0.1/users' });

describe('tabs store', () => {
  beforeEach(resetAll);

  it('opens a saved request once and focuses it on the second open', () => {
    const s = useTabsStore.getState();
    const a = s.openSaved('c1', 'users/get.yaml', saved, 'v1');
    const b = useTabsStore.getState().openSaved('c1', 'users/get.yaml', saved, 'v1');
    expect(b).toBe(a);
    expect(useTabsStore.getState().order).toEqual([a]);
    expect(useTabsStore.getState().tabs[a]?.isDirty).toBe(false);
  });

  it('marks a tab dirty on edit and clean again when the edit is undone or saved', () => {
    const id = useTabsStore.getState().openSaved('c1', 'a.yaml', saved, 'v1');
    useTabsStore.getState().updateDraft(id, (d) => ({ ...d, url: 'http://127.0.0.1/other' }));
    expect(useTabsStore.getState().tabs[id]?.isDirty).toBe(true);
    expect(selectHasUnsaved(useTabsStore.getState())).toBe(true);
    useTabsStore.getState().updateDraft(id, (d) => ({ ...d, url: saved.url }));
    expect(useTabsStore.getState().tabs[id]?.isDirty).toBe(false);
    useTabsStore.getState().updateDraft(id, (d) => ({ ...d, method: 'POST' }));
    useTabsStore.getState().markSaved(id, 'a.yaml', 'v2', 'c1');
    expect(useTabsStore.getState().tabs[id]).toMatchObject({ isDirty: false, version: 'v2' });
  });

  it('a blank new tab is clean, one opened with content is unsaved', () => {
    const blank = useTabsStore.getState().openNew();
    const withContent = useTabsStore.getState().openNew({ request: { url: 'http://x/' } });
    expect(useTabsStore.getState().tabs[blank]?.isDirty).toBe(false);
    expect(useTabsStore.getState().tabs[withContent]?.isDirty).toBe(true);
  });

  it('closing the active tab focuses its neighbour', () => {
    const a = useTabsStore.getState().openNew();
    const b = useTabsStore.getState().openNew();
    const c = useTabsStore.getState().openNew();
    useTabsStore.getState().activate(b);
    useTabsStore.getState().close(b);
    expect(useTabsStore.getState().activeId).toBe(c);
    useTabsStore.getState().close(c);
    expect(useTabsStore.getState().activeId).toBe(a);
    useTabsStore.getState().close(a);
    expect(useTabsStore.getState().activeId).toBeUndefined();
  });

  it('retargets tabs after a folder rename, including nested paths', () => {
    const a = useTabsStore.getState().openSaved('c1', 'old/a.yaml', saved, 'v');
    const b = useTabsStore.getState().openSaved('c1', 'old/sub/b.yaml', saved, 'v');
    const other = useTabsStore.getState().openSaved('c1', 'older/c.yaml', saved, 'v');
    useTabsStore.getState().retarget('c1', 'old', 'new');
    const tabs = useTabsStore.getState().tabs;
    expect([tabs[a]?.path, tabs[b]?.path, tabs[other]?.path]).toEqual(['new/a.yaml', 'new/sub/b.yaml', 'older/c.yaml']);
  });

  it('the label selector returns a tuple that only changes with name, method or dirtiness', () => {
    const id = useTabsStore.getState().openSaved('c1', 'a.yaml', saved, 'v1');
    expect(selectTabLabel(id)(useTabsStore.getState())).toEqual(['Get users', 'GET', false]);
    useTabsStore.getState().updateDraft(id, (d) => ({ ...d, method: 'DELETE' }));
    expect(selectTabLabel(id)(useTabsStore.getState())).toEqual(['Get users', 'DELETE', true]);
  });

  it('moves a tab within the order', () => {
    const a = useTabsStore.getState().openNew();
    const b = useTabsStore.getState().openNew();
    const c = useTabsStore.getState().openNew();
    useTabsStore.getState().moveTab(c, 0);
    expect(useTabsStore.getState().order).toEqual([c, a, b]);
  });

  it('detaches tabs of a deleted item into unsaved drafts, keeping the edits', () => {
    const a = useTabsStore.getState().openSaved('c1', 'f/a.yaml', saved, 'v');
    useTabsStore.getState().updateDraft(a, (d) => ({ ...d, url: 'http://edited/' }));
    const other = useTabsStore.getState().openSaved('c1', 'g.yaml', saved, 'v');
    useTabsStore.getState().detach('c1', 'f');
    expect(useTabsStore.getState().tabs[a]).toMatchObject({ path: undefined, version: undefined, isDirty: true, draft: { url: 'http://edited/' } });
    expect(useTabsStore.getState().tabs[other]).toMatchObject({ path: 'g.yaml', isDirty: false });
  });
});
