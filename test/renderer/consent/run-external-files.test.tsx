import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { RunExternalFiles } from '../../../renderer/features/consent/RunExternalFiles';
import { testApi } from '../batch-run/test-api';
import { resetAll } from '../support/reset';

describe('run panel: files outside the collection', () => {
  beforeEach(resetAll);

  it('names the refused files and allows exactly those before re-running the failed requests', async () => {
    const refused = ['/home/me/.ssh/id_rsa', '/home/me/key.pem'];
    let reran = 0;
    const { api, calls } = testApi({
      'files:listExternal': () => ({ granted: [], refused }),
      'files:grantExternal': ({ paths }) => ({ granted: [...paths], refused: [] }),
    });
    render(<RunExternalFiles api={api} collectionId="c1" runId="r1" onAllowed={() => reran++} />);
    await waitFor(() => expect(screen.getByTestId('run-external-files').textContent).toContain('/home/me/.ssh/id_rsa, /home/me/key.pem'));
    await act(async () => {
      fireEvent.click(screen.getByTestId('run-allow-external-files'));
    });
    expect(calls.find((c) => c.channel === 'files:grantExternal')?.arg).toEqual({ collectionId: 'c1', paths: refused });
    expect(reran).toBe(1);
    await waitFor(() => expect(screen.queryByTestId('run-external-files')).toBeNull());
  });

  it('shows nothing when no file was refused', async () => {
    const { api, calls } = testApi({ 'files:listExternal': () => ({ granted: ['/x'], refused: [] }) });
    render(<RunExternalFiles api={api} collectionId="c1" runId="r1" onAllowed={() => undefined} />);
    await waitFor(() => expect(calls.some((c) => c.channel === 'files:listExternal')).toBe(true));
    expect(screen.queryByTestId('run-external-files')).toBeNull();
  });
});
