import { fireEvent, render, screen } from '@testing-library/react';
import { formFrom, formToConfig } from '../../../renderer/features/batch-run/run-form';
import { OptionsTab } from '../../../renderer/features/request-editor/OptionsTab';
import { useTabsStore } from '../../../renderer/state/tabs-store';
import { RunConfigSchema } from '../../../shared/model/run';
import { installFakeApi } from '../support/fake-api';
import { resetAll } from '../support/reset';

describe('cookie settings in the editors', () => {
  beforeEach(resetAll);

  it('the Options tab turns the cookie jar off and on for a request', () => {
    installFakeApi({});
    const id = useTabsStore.getState().openNew();
    render(<OptionsTab tabId={id} />);
    const box = screen.getByTestId('opt-cookie-jar') as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(useTabsStore.getState().tabs[id]?.draft.options.useCookieJar).toBe(false);
    fireEvent.click(box);
    expect(useTabsStore.getState().tabs[id]?.draft.options.useCookieJar).toBe(true);
  });

  it('the run form defaults to an isolated jar and keeps a saved choice', () => {
    const fresh = formFrom(['users']);
    expect(fresh.cookies).toBe('isolated');
    expect(formToConfig({ ...fresh, cookies: 'off' }, ['users']).cookies).toBe('off');
    const saved = RunConfigSchema.parse({ name: 'session', cookies: 'collection' });
    const form = formFrom([], saved);
    expect(form.cookies).toBe('collection');
    expect(formToConfig(form, [], saved).cookies).toBe('collection');
  });
});
