import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { OptionsTab } from '../../../renderer/features/request-editor/OptionsTab';
import { useTabsStore } from '../../../renderer/state/tabs-store';
import { installFakeApi } from '../support/fake-api';
import { resetAll } from '../support/reset';

describe('options tab: files outside the collection', () => {
  beforeEach(resetAll);

  it('shows the user\'s consent for the tab\'s collection (no checkbox in the request), allows a refused file and withdraws a granted one', async () => {
    let granted = ['/home/me/a.bin'];
    let refused = ['/home/me/.ssh/id_rsa'];
    const fake = installFakeApi({
      'files:listExternal': () => ({ granted, refused }),
      'files:grantExternal': ({ paths }) => {
        granted = [...granted, ...paths].sort();
        refused = refused.filter((p) => !paths.includes(p));
        return { granted, refused };
      },
      'files:revokeExternal': ({ paths }) => {
        granted = granted.filter((p) => !paths.includes(p));
        return { granted, refused };
      },
    });
    const id = useTabsStore.getState().openNew({ collectionId: 'c1', request: { url: 'http://127.0.0.1:1/' } });
    render(<OptionsTab tabId={id} />);
    expect(screen.queryByTestId('opt-allow-external-files')).toBeNull();
    await waitFor(() => expect(screen.getAllByTestId('external-file-refused')).toHaveLength(1));
    expect(screen.getByTestId('external-file-granted').textContent).toContain('/home/me/a.bin');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Allow /home/me/.ssh/id_rsa' }));
    });
    await waitFor(() => expect(screen.getAllByTestId('external-file-granted')).toHaveLength(2));
    expect(fake.calls.find((c) => c.channel === 'files:grantExternal')?.arg).toEqual({ collectionId: 'c1', paths: ['/home/me/.ssh/id_rsa'] });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Withdraw consent for /home/me/a.bin' }));
    });
    await waitFor(() => expect(screen.getAllByTestId('external-file-granted')).toHaveLength(1));
    expect(useTabsStore.getState().tabs[id]?.draft.options).not.toHaveProperty('allowExternalFiles');
  });
});
