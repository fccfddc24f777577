import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SalvoError } from '../../../shared/model/errors';
import { useKeymap } from '../../../renderer/app/use-keymap';
import { DialogHost } from '../../../renderer/components/DialogHost';
import { TabStrip } from '../../../renderer/features/request-editor/TabStrip';
import { blankRequest, useTabsStore } from '../../../renderer/state/tabs-store';
import { useResponsesStore } from '../../../renderer/state/responses-store';
import { installFakeApi } from '../support/fake-api';
import { sampleMeta } from '../support/fixtures';
import { resetAll } from '../support/reset';

function Shell(): React.JSX.Element {
  useKeymap();
  return (
    <>
      <TabStrip />
      <DialogHost />
    </>
  );
}

const ctrl = (key: string) => fireEvent.keyDown(window, { key, ctrlKey: true });

describe('keyboard map', () => {
  beforeEach(resetAll);

  it('Ctrl+N opens a new tab; Ctrl+W closes a clean tab without asking', () => {
    installFakeApi({});
    render(<Shell />);
    act(() => void ctrl('n'));
    expect(screen.getAllByTestId('request-tab')).toHaveLength(1);
    act(() => void ctrl('w'));
    expect(screen.queryAllByTestId('request-tab')).toHaveLength(0);
    expect(screen.queryByTestId('dialog')).toBeNull();
  });

  it('Ctrl+W on a tab with unsaved changes asks; Cancel keeps it, "Don\'t save" closes it', async () => {
    installFakeApi({ 'http:release': () => undefined });
    const id = useTabsStore.getState().openSaved('c1', 'a.yaml', blankRequest({ name: 'A', url: 'http://h/' }), 'v1');
    useTabsStore.getState().updateDraft(id, (d) => ({ ...d, url: 'http://h/changed' }));
    render(<Shell />);
    expect(screen.getByTestId('tab-dirty')).toBeTruthy();
    act(() => void ctrl('w'));
    await screen.findByTestId('dialog');
    fireEvent.click(screen.getByTestId('dialog-cancel'));
    await waitFor(() => expect(screen.queryByTestId('dialog')).toBeNull());
    expect(useTabsStore.getState().order).toEqual([id]);
    act(() => void ctrl('w'));
    fireEvent.click(await screen.findByTestId('dialog-discard'));
    await waitFor(() => expect(useTabsStore.getState().order).toEqual([]));
  });

  it('Ctrl+S saves with the base version and clears the dirty marker', async () => {
    const fake = installFakeApi({ 'request:save': ({ path }) => ({ path, version: 'v2' }) });
    const id = useTabsStore.getState().openSaved('c1', 'a.yaml', blankRequest({ name: 'A', url: 'http://h/' }), 'v1');
    useTabsStore.getState().updateDraft(id, (d) => ({ ...d, method: 'PUT' }));
    render(<Shell />);
    act(() => void ctrl('s'));
    await waitFor(() => expect(useTabsStore.getState().tabs[id]?.isDirty).toBe(false));
    expect(fake.calls.find((c) => c.channel === 'request:save')?.arg).toMatchObject({ collectionId: 'c1', path: 'a.yaml', baseVersion: 'v1', request: { method: 'PUT' } });
    expect(useTabsStore.getState().tabs[id]?.version).toBe('v2');
  });

  it('a save conflict asks overwrite / reload; reload replaces the draft with the file', async () => {
    const onDisk = blankRequest({ name: 'A', url: 'http://h/from-disk' });
    installFakeApi({
      'request:save': () => {
        throw new SalvoError('conflict', 'changed on disk');
      },
      'request:read': () => ({ request: onDisk, version: 'v9' }),
    });
    const id = useTabsStore.getState().openSaved('c1', 'a.yaml', blankRequest({ name: 'A', url: 'http://h/' }), 'v1');
    useTabsStore.getState().updateDraft(id, (d) => ({ ...d, url: 'http://h/mine' }));
    render(<Shell />);
    act(() => void ctrl('s'));
    fireEvent.click(await screen.findByTestId('dialog-reload'));
    await waitFor(() => expect(useTabsStore.getState().tabs[id]?.draft.url).toBe('http://h/from-disk'));
    expect(useTabsStore.getState().tabs[id]).toMatchObject({ version: 'v9', isDirty: false });
  });

  it('Ctrl+Enter sends the active tab and stores the response outside the tab', async () => {
    const fake = installFakeApi({ 'http:send': ({ id }) => ({ ...sampleMeta({ id }), preview: '{"ok":true}' }) });
    const id = useTabsStore.getState().openNew({ request: { url: 'http://127.0.0.1:1/x' } });
    render(<Shell />);
    act(() => void ctrl('Enter'));
    await waitFor(() => expect(useResponsesStore.getState().byTab[id]?.phase).toBe('done'));
    expect(fake.calls.find((c) => c.channel === 'http:send')?.arg).toMatchObject({ spec: { url: 'http://127.0.0.1:1/x' } });
    expect(JSON.stringify(useTabsStore.getState().tabs[id])).not.toContain('"ok":true');
  });
});
