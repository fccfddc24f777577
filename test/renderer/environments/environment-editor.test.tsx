import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Environment } from '../../../shared/model/collection';
import { EnvironmentEditor } from '../../../renderer/features/environments/EnvironmentEditor';
import { HistoryList, reopenEntry } from '../../../renderer/features/history/HistoryList';
import { useEnvironmentsStore } from '../../../renderer/state/environments-store';
import { useHistoryStore } from '../../../renderer/state/history-store';
import { blankRequest, useTabsStore } from '../../../renderer/state/tabs-store';
import { installFakeApi } from '../support/fake-api';
import { resetAll } from '../support/reset';

const MASK = '••••••';

describe('environment editor', () => {
  beforeEach(resetAll);

  it('shows secret values masked in password fields and saves them back untouched', async () => {
    const stored: Environment = {
      name: 'dev',
      variables: [
        { name: 'baseUrl', value: 'http://127.0.0.1:4010', enabled: true, secret: false },
        { name: 'password', value: MASK, enabled: true, secret: true },
      ],
    };
    const fake = installFakeApi({ 'env:read': () => stored, 'env:save': () => undefined, 'env:list': () => ['dev'] });
    useEnvironmentsStore.getState().edit({ collectionId: 'c1', name: 'dev' });
    render(<EnvironmentEditor />);
    await waitFor(() => expect((screen.getByTestId('env-var-value-1') as HTMLInputElement).value).toBe(MASK));
    expect((screen.getByTestId('env-var-value-1') as HTMLInputElement).type).toBe('password');
    expect((screen.getByTestId('env-var-value-0') as HTMLInputElement).type).toBe('text');
    fireEvent.change(screen.getByTestId('env-var-value-0'), { target: { value: 'http://127.0.0.1:5000' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('env-save'));
    });
    await waitFor(() => expect(useEnvironmentsStore.getState().editing).toBeUndefined());
    expect(fake.calls.find((c) => c.channel === 'env:save')?.arg).toEqual({
      collectionId: 'c1',
      previousName: 'dev',
      environment: { name: 'dev', variables: [{ ...stored.variables[0], value: 'http://127.0.0.1:5000' }, stored.variables[1]] },
    });
  });

  it('marking a variable secret masks its field', async () => {
    installFakeApi({});
    useEnvironmentsStore.getState().edit({ collectionId: 'c1', name: undefined });
    render(<EnvironmentEditor />);
    fireEvent.change(await screen.findByTestId('env-var-name-0'), { target: { value: 'token' } });
    fireEvent.change(screen.getByTestId('env-var-value-0'), { target: { value: 's3cr3t' } });
    fireEvent.click(screen.getByTestId('env-var-secret-0'));
    expect((screen.getByTestId('env-var-value-0') as HTMLInputElement).type).toBe('password');
  });
});

describe('history', () => {
  beforeEach(resetAll);

  it('lists entries and re-opens one as a new unsaved request', async () => {
    const spec = blankRequest({ method: 'POST', url: 'http://127.0.0.1:9/items?x=1', name: 'ignored' });
    installFakeApi({ 'history:list': () => [{ id: 'h1', at: 1, method: 'POST', url: 'http://127.0.0.1:9/items?x=1', status: 201, errorKind: undefined, durationMs: 12, bytes: 5, spec }] });
    render(<HistoryList />);
    const entry = await screen.findByTestId('history-entry', undefined, { timeout: 3000 });
    expect(entry.textContent).toContain('201');
    reopenEntry(useHistoryStore.getState().entries[0]?.id ?? '');
    const tab = Object.values(useTabsStore.getState().tabs)[0];
    expect(tab).toMatchObject({ path: undefined, isDirty: true });
    expect(tab?.draft).toMatchObject({ method: 'POST', url: 'http://127.0.0.1:9/items', params: [{ name: 'x', value: '1', enabled: true }] });
  });
});
