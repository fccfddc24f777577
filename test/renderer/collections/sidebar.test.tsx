import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DialogHost } from '../../../renderer/components/DialogHost';
import { Sidebar } from '../../../renderer/features/collections/Sidebar';
import { useCollectionsStore } from '../../../renderer/state/collections-store';
import { useRunsStore, resetRunsStore } from '../../../renderer/state/runs-store';
import { useTabsStore } from '../../../renderer/state/tabs-store';
import { blankRequest } from '../../../renderer/state/tabs-store';
import { installFakeApi } from '../support/fake-api';
import { sampleTree } from '../support/fixtures';
import { resetAll } from '../support/reset';

function Shell(): React.JSX.Element {
  return (
    <>
      <Sidebar />
      <DialogHost />
    </>
  );
}

function treeItem(path: string): HTMLElement {
  const found = screen.getAllByTestId('tree-item').find((el) => el.dataset.path === path);
  if (found === undefined) throw new Error(`no tree item ${path}`);
  return found;
}

describe('sidebar', () => {
  beforeEach(() => {
    resetAll();
    resetRunsStore();
  });

  it('in browser mode the folder dialog is unsupported, so a path field opens the collection', async () => {
    const fake = installFakeApi({ 'dialog:openFolder': () => ({ canceled: true, unsupported: true }), 'collection:open': ({ root }) => ({ ...sampleTree('c1'), root }), 'vars:resolve': () => [], 'history:list': () => [] });
    render(<Shell />);
    fireEvent.click(screen.getByTestId('open-collection'));
    fireEvent.change(await screen.findByTestId('collection-path'), { target: { value: '/work/demo' } });
    fireEvent.click(screen.getByTestId('collection-path-submit'));
    await screen.findByTestId('collection');
    expect(fake.calls.find((c) => c.channel === 'collection:open')?.arg).toEqual({ root: '/work/demo' });
    expect(screen.getAllByTestId('tree-item').map((el) => el.dataset.path)).toEqual(['users', 'health.yaml']);
    fireEvent.click(treeItem('users'));
    expect(screen.getAllByTestId('tree-item').map((el) => el.dataset.path)).toEqual(['users', 'users/list.yaml', 'users/create.yaml', 'health.yaml']);
  });

  it('filters the tree, opening folders that contain a match', () => {
    installFakeApi({});
    useCollectionsStore.getState().setTree(sampleTree('c1'));
    render(<Shell />);
    fireEvent.change(screen.getByTestId('tree-filter'), { target: { value: 'create' } });
    expect(screen.getAllByTestId('tree-item').map((el) => el.dataset.path)).toEqual(['users', 'users/create.yaml']);
  });

  it('clicking a request opens it in a tab with the query moved into params', async () => {
    installFakeApi({ 'request:read': () => ({ request: blankRequest({ name: 'Health', url: 'http://h/health?verbose=1' }), version: 'v1' }) });
    useCollectionsStore.getState().setTree(sampleTree('c1'));
    render(<Shell />);
    fireEvent.click(treeItem('health.yaml'));
    await waitFor(() => expect(useTabsStore.getState().order).toHaveLength(1));
    const tab = Object.values(useTabsStore.getState().tabs)[0];
    expect(tab).toMatchObject({ collectionId: 'c1', path: 'health.yaml', version: 'v1', isDirty: false });
    expect(tab?.draft.url).toBe('http://h/health');
    expect(tab?.draft.params).toEqual([{ name: 'verbose', value: '1', enabled: true }]);
  });

  it('context menu: rename asks for a name and calls item:rename', async () => {
    const fake = installFakeApi({ 'item:rename': () => ({ path: 'status.yaml' }), 'collection:tree': () => sampleTree('c1') });
    useCollectionsStore.getState().setTree(sampleTree('c1'));
    render(<Shell />);
    fireEvent.contextMenu(treeItem('health.yaml'));
    fireEvent.click(within(screen.getByTestId('context-menu')).getByTestId('menu-rename'));
    const input = await screen.findByTestId('dialog-input');
    expect((input as HTMLInputElement).value).toBe('Health');
    fireEvent.change(input, { target: { value: 'Status' } });
    fireEvent.click(screen.getByTestId('dialog-ok'));
    await waitFor(() => expect(fake.calls.find((c) => c.channel === 'item:rename')?.arg).toEqual({ collectionId: 'c1', path: 'health.yaml', name: 'Status' }));
  });

  it('context menu: delete needs confirmation; cancelling deletes nothing', async () => {
    const fake = installFakeApi({ 'item:delete': () => undefined, 'collection:tree': () => sampleTree('c1') });
    useCollectionsStore.getState().setTree(sampleTree('c1'));
    render(<Shell />);
    fireEvent.contextMenu(treeItem('health.yaml'));
    fireEvent.click(screen.getByTestId('menu-delete'));
    fireEvent.click(await screen.findByTestId('dialog-cancel'));
    await waitFor(() => expect(screen.queryByTestId('dialog')).toBeNull());
    expect(fake.calls.some((c) => c.channel === 'item:delete')).toBe(false);
    fireEvent.contextMenu(treeItem('health.yaml'));
    fireEvent.click(screen.getByTestId('menu-delete'));
    fireEvent.click(await screen.findByTestId('dialog-delete'));
    await waitFor(() => expect(fake.calls.find((c) => c.channel === 'item:delete')?.arg).toEqual({ collectionId: 'c1', path: 'health.yaml' }));
  });

  it('context menu on a folder: "Run folder" opens the run dialog for that folder', () => {
    installFakeApi({});
    useCollectionsStore.getState().setTree(sampleTree('c1'));
    render(<Shell />);
    fireEvent.contextMenu(treeItem('users'));
    fireEvent.click(screen.getByTestId('menu-run-folder'));
    expect(useRunsStore.getState().dialog).toEqual({ collectionId: 'c1', targets: ['users'] });
  });

  it('the environment selector switches the active environment', async () => {
    const fake = installFakeApi({ 'env:setActive': () => undefined });
    useCollectionsStore.getState().setTree(sampleTree('c1'));
    const { adoptTree } = await import('../../../renderer/features/collections/collection-actions');
    adoptTree(sampleTree('c1'));
    render(<Shell />);
    fireEvent.change(screen.getByTestId('env-select'), { target: { value: 'dev' } });
    await waitFor(() => expect(fake.calls.find((c) => c.channel === 'env:setActive')?.arg).toEqual({ collectionId: 'c1', name: 'dev' }));
  });

  it('the tree is keyboard-operable: arrows move focus, Right/Left expand and collapse, Enter opens', async () => {
    installFakeApi({ 'request:read': () => ({ request: blankRequest({ name: 'List users', url: 'http://h/users' }), version: 'v1' }) });
    useCollectionsStore.getState().setTree(sampleTree('c1'));
    render(<Shell />);
    treeItem('users').focus();
    fireEvent.keyDown(treeItem('users'), { key: 'ArrowRight' });
    expect(treeItem('users').getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(treeItem('users'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(treeItem('users/list.yaml'));
    fireEvent.keyDown(treeItem('users/list.yaml'), { key: 'Enter' });
    await waitFor(() => expect(Object.values(useTabsStore.getState().tabs)[0]?.path).toBe('users/list.yaml'));
    fireEvent.keyDown(treeItem('users/list.yaml'), { key: 'End' });
    expect(document.activeElement).toBe(treeItem('health.yaml'));
    fireEvent.keyDown(treeItem('health.yaml'), { key: 'Home' });
    fireEvent.keyDown(treeItem('users'), { key: 'ArrowLeft' });
    expect(treeItem('users').getAttribute('aria-expanded')).toBe('false');
  });
});
