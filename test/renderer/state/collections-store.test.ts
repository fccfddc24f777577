import { baseName, filterTree, findNode, parentPath, selectIsExpanded, selectTree, useCollectionsStore } from '../../../renderer/state/collections-store';
import { sampleRoot, sampleTree } from '../support/fixtures';
import { resetAll } from '../support/reset';

describe('collections store', () => {
  beforeEach(resetAll);

  it('adds trees, activates the first and expands its root', () => {
    useCollectionsStore.getState().setTree(sampleTree('c1'));
    useCollectionsStore.getState().setTree(sampleTree('c2'));
    const s = useCollectionsStore.getState();
    expect(s.order).toEqual(['c1', 'c2']);
    expect(s.activeId).toBe('c1');
    expect(selectIsExpanded('c1', '')(s)).toBe(true);
    expect(selectTree('c2')(s)?.name).toBe('Demo');
  });

  it('keeps the expansion state when the tree is replaced by a change event', () => {
    useCollectionsStore.getState().setTree(sampleTree());
    useCollectionsStore.getState().toggleExpanded('c1', 'users');
    useCollectionsStore.getState().setTree(sampleTree());
    expect(selectIsExpanded('c1', 'users')(useCollectionsStore.getState())).toBe(true);
  });

  it('removing the active collection activates the next one', () => {
    useCollectionsStore.getState().setTree(sampleTree('c1'));
    useCollectionsStore.getState().setTree(sampleTree('c2'));
    useCollectionsStore.getState().remove('c1');
    expect(useCollectionsStore.getState()).toMatchObject({ order: ['c2'], activeId: 'c2' });
  });

  it('filters by name, method and URL, keeping the folders on the way', () => {
    const byName = filterTree(sampleRoot, 'create');
    expect(byName.children).toHaveLength(1);
    const users = byName.children[0];
    expect(users?.type === 'folder' && users.children.map((c) => c.path)).toEqual(['users/create.yaml']);
    expect(filterTree(sampleRoot, 'HEALTH').children.map((c) => c.path)).toEqual(['health.yaml']);
    expect(filterTree(sampleRoot, 'post').children.map((c) => c.path)).toEqual(['users']);
    expect(filterTree(sampleRoot, 'nothing-like-this').children).toEqual([]);
    expect(filterTree(sampleRoot, '  ')).toBe(sampleRoot);
  });

  it('finds nodes and splits paths', () => {
    expect(findNode(sampleRoot, 'users/create.yaml')?.name).toBe('Create user');
    expect(findNode(sampleRoot, 'nope.yaml')).toBeUndefined();
    expect(parentPath('users/create.yaml')).toBe('users');
    expect(parentPath('health.yaml')).toBe('');
    expect(baseName('users/create.yaml')).toBe('create.yaml');
  });
});
